import Foundation

/// CPU time the whole process has used (user and system, all threads): on a shared machine a figure
/// steadier than wall-clock time, since it does not count time spent waiting for another process's
/// turn on a core.
enum ProcessorTime {
  static func now() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  private static func seconds(_ time: timeval) -> Double {
    Double(time.tv_sec) + Double(time.tv_usec) / 1e6
  }
}
