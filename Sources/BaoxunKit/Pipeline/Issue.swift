import Foundation

/// An issue file to process: where it is and how it is named in the output.
public struct IssueFile: Sendable, Equatable {
  public var url: URL
  /// The path relative to the folder given on the command line (the file's own path if given directly).
  public var display: String
  public var size: Int

  /// Every `*.txt` under the given paths, sorted, folders walked recursively.
  public static func find(_ paths: [String]) throws(Diagnostic) -> [IssueFile] {
    var out: [IssueFile] = []
    let fm = FileManager.default
    for path in paths {
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
        throw Diagnostic(code: "input.missing", at: nil, "'\(path)' does not exist: give a folder of issues or .txt files")
      }
      if !isDir.boolValue {
        out.append(IssueFile(url: URL(fileURLWithPath: path), display: path, size: size(path)))
        continue
      }
      let root = URL(fileURLWithPath: path).standardizedFileURL
      var found: [IssueFile] = []
      if let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) {
        for case let url as URL in walker where url.pathExtension.lowercased() == "txt" {
          let full = url.standardizedFileURL.path
          let rel = full.hasPrefix(root.path + "/") ? String(full.dropFirst(root.path.count + 1)) : url.lastPathComponent
          found.append(IssueFile(url: url, display: rel, size: size(full)))
        }
      }
      out += found.sorted { $0.display < $1.display }
    }
    return out
  }

  static func size(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
  }
}
