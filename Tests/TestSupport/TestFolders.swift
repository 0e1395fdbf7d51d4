import Foundation

/// Scratch folders for tests, all inside one folder per test process that is removed when the
/// process exits, so test runs do not pile up folders in /tmp.
public enum TestFolders {
  public static let root: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("baoxun-tests-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: TestFolders.root) }
    return url
  }()

  /// A fresh path under the root, not yet created (for `copyItem`).
  public static func path(_ prefix: String) -> URL { root.appendingPathComponent("\(prefix)-\(UUID().uuidString)") }

  /// A fresh, empty folder under the root.
  public static func make(_ prefix: String) -> URL {
    let url = path(prefix)
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
