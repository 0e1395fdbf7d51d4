import Foundation

/// The records an issue must yield, from `gold/<issue-stem>.json`: per record type, `required`
/// items that count and `optional` items that are neither required nor false alarms.
public struct GoldFile: Sendable {
  public typealias Item = [String: GoldValue]
  public var issueKey: String
  public var required: [String: [Item]]
  public var optional: [String: [Item]]

  /// Loads every `*.json` in a folder, keyed by the issue's file stem.
  public static func loadFolder(_ folder: URL) throws -> [String: GoldFile] {
    var out: [String: GoldFile] = [:]
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
    for name in names {
      let data = try Data(contentsOf: folder.appendingPathComponent(name))
      guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw EvalError.badGold(name, "the top level is not an object")
      }
      let issue = (root["issue"] as? String) ?? (root["article"] as? String) ?? name
      var gold = GoldFile(issueKey: Scorer.issueKey(issue), required: [:], optional: [:])
      for (key, value) in root where key != "issue" && key != "note" && key != "article" {
        var req: [Item] = []
        var opt: [Item] = []
        if let list = value as? [[String: Any]] {
          req = list.map(GoldValue.item)
        } else if let lists = value as? [String: Any] {
          req = ((lists["required"] as? [[String: Any]]) ?? []).map(GoldValue.item)
          opt = ((lists["optional"] as? [[String: Any]]) ?? []).map(GoldValue.item)
        }
        gold.required[key] = req.filter { $0["optional"]?.bool != true }
        gold.optional[key] = opt + req.filter { $0["optional"]?.bool == true }
      }
      out[gold.issueKey] = gold
    }
    return out
  }
}

/// A JSON value of a gold item: a string, a number, a list of strings, or a flag.
public enum GoldValue: Sendable, Equatable {
  case string(String)
  case number(Double)
  case strings([String])
  case bool(Bool)

  static func item(_ object: [String: Any]) -> GoldFile.Item {
    object.compactMapValues { value -> GoldValue? in
      if let s = value as? String { return .string(s) }
      if let n = value as? NSNumber {
        // Foundation on Linux hands JSON true/false over as this NSNumber subclass.
        let isBool = String(describing: type(of: n)).contains("Boolean")
        return isBool ? .bool(n.boolValue) : .number(n.doubleValue)
      }
      if let l = value as? [Any] { return .strings(l.map { "\($0)" }) }
      return nil
    }
  }

  var string: String? {
    switch self {
    case .string(let s): return s
    case .number(let n): return String(n)
    default: return nil
    }
  }
  var number: Double? {
    switch self {
    case .number(let n): return n
    case .string(let s): return Double(s.replacingOccurrences(of: ",", with: ""))
    default: return nil
    }
  }
  var strings: [String] {
    switch self {
    case .strings(let l): return l
    case .string(let s): return [s]
    default: return []
    }
  }
  var bool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }
}

public enum EvalError: Error, CustomStringConvertible {
  case badGold(String, String)
  public var description: String {
    switch self {
    case .badGold(let file, let why): return "gold file \(file): \(why)"
    }
  }
}
