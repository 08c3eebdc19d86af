import EnqueteCore

/// The fields of a plain CSV row still in the text (one line, no quote): split at each delimiter,
/// with the columns the tokenizer gives them. Made only for rows whose warnings are worded.
struct PlainRow: CSVFields {
  private let text: UnsafePointer<UInt8>
  private let lineStart: Int
  private let starts: [Int]
  private let ends: [Int]

  /// The row `text[start..<end]` (its line break excluded).
  init(_ text: UnsafePointer<UInt8>, start: Int, end: Int, delimiter: UInt8) {
    self.text = text
    lineStart = start
    var starts = [start]
    var ends: [Int] = []
    for index in start..<end where text[index] == delimiter {
      ends.append(index)
      starts.append(index + 1)
    }
    ends.append(end)
    (self.starts, self.ends) = (starts, ends)
  }

  var count: Int { starts.count }

  func column(_ index: Int) -> Int { starts[index] - lineStart + 1 }

  func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    body(UnsafeBufferPointer(start: text + starts[index], count: ends[index] - starts[index]))
  }

  func withAllFields<T>(
    _ body: (UnsafePointer<UInt8>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>) -> T
  ) -> T {
    starts.withUnsafeBufferPointer { starts in ends.withUnsafeBufferPointer { body(text, starts, $0) } }
  }
}
