/// A rules-language expression that does not read, with where and why.
public struct ExpressionSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The text that was being read.
  public let source: String
  /// Character offset of the problem.
  public let offset: Int
  /// What is wrong, in English (rules are written by developers and statisticians).
  public let reason: String

  /// One line: reason, offset and the text.
  public var description: String { "\(reason) at offset \(offset) in «\(source)»" }
}

/// Reads the rules language into an `Expression` (precedence climbing over a token list).
public struct ExpressionParser {
  private enum Token: Equatable {
    case number(Double)
    case string(String)
    case word(String)
    case symbol(String)
  }

  private let source: String
  private var tokens: [(token: Token, offset: Int)] = []
  private var position = 0

  /// Parses `source`; throws `ExpressionSyntaxError` when it is not a whole expression.
  public static func parse(_ source: String) throws(ExpressionSyntaxError) -> Expression {
    var parser = ExpressionParser(source: source)
    try parser.tokenize()
    let expression = try parser.parseBinary(minimumPrecedence: 1)
    if parser.position < parser.tokens.count {
      throw parser.error("unexpected \(parser.describe(parser.tokens[parser.position].token))")
    }
    return expression
  }

  private init(source: String) { self.source = source }

  private func error(_ reason: String) -> ExpressionSyntaxError {
    let offset = position < tokens.count ? tokens[position].offset : source.count
    return ExpressionSyntaxError(source: source, offset: offset, reason: reason)
  }

  private func describe(_ token: Token) -> String {
    switch token {
    case .number(let value): "number \(value)"
    case .string(let value): "string '\(value)'"
    case .word(let value): "'\(value)'"
    case .symbol(let value): "'\(value)'"
    }
  }

  private mutating func tokenize() throws(ExpressionSyntaxError) {
    let characters = Array(source)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      let start = index
      if character.isWhitespace {
        index += 1
      } else if character.isNumber {
        while index < characters.count, characters[index].isNumber || characters[index] == "." { index += 1 }
        guard let value = Double(String(characters[start..<index])) else {
          throw ExpressionSyntaxError(source: source, offset: start, reason: "malformed number")
        }
        tokens.append((.number(value), start))
      } else if character.isLetter || character == "_" {
        while index < characters.count,
          characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
        {
          index += 1
        }
        tokens.append((.word(String(characters[start..<index])), start))
      } else if character == "'" {
        index += 1
        while index < characters.count, characters[index] != "'" { index += 1 }
        guard index < characters.count else {
          throw ExpressionSyntaxError(source: source, offset: start, reason: "unterminated string")
        }
        tokens.append((.string(String(characters[(start + 1)..<index])), start))
        index += 1
      } else {
        let pair = index + 1 < characters.count ? String(characters[index...index + 1]) : ""
        if ["<=", ">=", "!="].contains(pair) {
          tokens.append((.symbol(pair), start))
          index += 2
        } else if "+-*/()=<>,".contains(character) {
          tokens.append((.symbol(String(character)), start))
          index += 1
        } else {
          throw ExpressionSyntaxError(
            source: source, offset: start, reason: "unexpected character '\(character)'")
        }
      }
    }
  }

  private func binaryOperator(at index: Int) -> Expression.BinaryOperator? {
    guard index < tokens.count else { return nil }
    switch tokens[index].token {
    case .symbol(let symbol): return Expression.BinaryOperator(rawValue: symbol)
    case .word("and"): return .and
    case .word("or"): return .or
    default: return nil
    }
  }

  private mutating func parseBinary(minimumPrecedence: Int) throws(ExpressionSyntaxError) -> Expression {
    var lhs = try parseUnary()
    while let op = binaryOperator(at: position), op.precedence >= minimumPrecedence {
      position += 1
      let rhs = try parseBinary(minimumPrecedence: op.precedence + 1)
      if op.isComparison, case .binary(let inner, _, _) = lhs, inner.isComparison {
        throw error("comparisons do not chain; use 'and'")
      }
      lhs = .binary(op, lhs, rhs)
    }
    return lhs
  }

  private mutating func parseUnary() throws(ExpressionSyntaxError) -> Expression {
    guard position < tokens.count else { throw error("expression ends too early") }
    switch tokens[position].token {
    case .symbol("-"):
      position += 1
      return .unary(.negate, try parseUnary())
    case .word("not"):
      position += 1
      return .unary(.not, try parseUnary())
    default:
      return try parsePrimary()
    }
  }

  private mutating func parsePrimary() throws(ExpressionSyntaxError) -> Expression {
    let (token, _) = tokens[position]
    position += 1
    switch token {
    case .number(let value): return .number(value)
    case .string(let value): return .string(value)
    case .symbol("("):
      let inner = try parseBinary(minimumPrecedence: 1)
      try expect(")")
      return inner
    case .word(let word) where ["and", "or", "not"].contains(word):
      position -= 1
      throw error("'\(word)' needs an operand before it")
    case .word(let word):
      guard position < tokens.count, tokens[position].token == .symbol("(") else { return .variable(word) }
      guard let function = Expression.Function(rawValue: word) else {
        position -= 1
        throw error("unknown function '\(word)'")
      }
      position += 1
      var arguments: [Expression] = []
      if position < tokens.count, tokens[position].token == .symbol(")") {
        position += 1
      } else {
        repeat {
          arguments.append(try parseBinary(minimumPrecedence: 1))
        } while try consumeComma()
        try expect(")")
      }
      guard function.arity.contains(arguments.count) else {
        throw error("\(word) takes \(function.arity.lowerBound) argument(s), not \(arguments.count)")
      }
      if function == .present || function == .empty, case .variable = arguments[0] {
      } else if function == .present || function == .empty {
        throw error("\(word) takes a variable name")
      }
      return .call(function, arguments)
    case .symbol(let symbol):
      position -= 1
      throw error("unexpected '\(symbol)'")
    }
  }

  private mutating func consumeComma() throws(ExpressionSyntaxError) -> Bool {
    guard position < tokens.count, tokens[position].token == .symbol(",") else { return false }
    position += 1
    return true
  }

  private mutating func expect(_ symbol: String) throws(ExpressionSyntaxError) {
    guard position < tokens.count, tokens[position].token == .symbol(symbol) else {
      throw error("expected '\(symbol)'")
    }
    position += 1
  }
}
