/// Where to start reading a file after its header, for a second reader working on its second part.
public struct CSVResumePoint: Sendable, Hashable {
  /// What the first reader detected (the delimiter; no transcoding is possible from here).
  public var detection: CSVDetection
  /// The line of the first byte read.
  public var line: Int

  /// A resume point.
  public init(detection: CSVDetection, line: Int) {
    self.detection = detection
    self.line = line
  }
}

/// A part of a file to read: from `start` (0, or the first byte of a row, then with `resuming`),
/// up to `end` (exclusive; nil for the end of the file, where the last row may lack a line break).
public struct CSVSlice: Sendable, Hashable {
  /// First byte to read.
  public var start = 0
  /// Byte to stop at; rows are handed out only when complete before it.
  public var end: Int?
  /// For a slice after the start: what the reader of the start detected, and the line.
  public var resuming: CSVResumePoint?

  /// The whole file.
  public init() {}

  /// A part of the file.
  public init(start: Int, end: Int?, resuming: CSVResumePoint?) {
    self.start = start
    self.end = end
    self.resuming = resuming
  }
}

/// How reading a slice ended.
public struct CSVSliceEnd: Sendable, Hashable {
  /// What was detected (or given to resume).
  public var detection: CSVDetection
  /// Bytes before the slice's end that were not a complete row (0 when a row ended exactly there).
  public var unreadBytes: Int
  /// The line of the first unread byte.
  public var nextLine: Int
}
