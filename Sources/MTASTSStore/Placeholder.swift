// Replaced by the workspace implementation.
enum WorkspacePlaceholder {}
