import Foundation

/// The process's peak resident set size (getrusage; kilobytes on Linux, bytes on macOS).
enum PeakMemory {
    static var mebibytes: Double {
        var usage = rusage()
        #if os(macOS)
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
        #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
        #endif
    }
}
