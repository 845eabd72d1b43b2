/// Durations as seconds, for the timing lines of `--stats` and the benchmark commands.
extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
