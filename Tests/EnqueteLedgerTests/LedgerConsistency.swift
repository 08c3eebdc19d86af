import EnqueteLedger
import Foundation
import GRDB

/// What must hold in any ledger, whatever happened to the processes writing it.
enum LedgerConsistency {
  /// The problems found; empty when the ledger is consistent.
  static func problems(_ ledger: Ledger) throws -> [String] {
    var problems: [String] = []
    let integrity = try ledger.integrityCheck()
    if integrity != ["ok"] { problems.append("integrity_check: \(integrity)") }
    try ledger.read { db in
      let checks: [(String, String)] = [
        (
          "files whose report rows do not match their counts",
          """
          SELECT count(*) FROM submission_file f WHERE f.report_count != (SELECT count(*) FROM report r WHERE r.file_id = f.id)
            OR f.accepted_count != (SELECT count(*) FROM report r WHERE r.file_id = f.id AND r.accepted)
          """
        ),
        (
          "accepted reports without values",
          "SELECT count(*) FROM report r WHERE r.accepted AND NOT EXISTS (SELECT 1 FROM report_value v WHERE v.report_id = r.id)"
        ),
        (
          "versioned keys without exactly one current report",
          """
          SELECT count(*) FROM (SELECT survey, year, siret FROM report WHERE accepted
            GROUP BY survey, year, siret HAVING sum(is_current) != 1)
          """
        ),
        (
          "versions not numbered 1…n",
          """
          SELECT count(*) FROM (SELECT survey, year, siret FROM report WHERE accepted
            GROUP BY survey, year, siret HAVING max(version) != count(*) OR min(version) != 1)
          """
        ),
        (
          "superseded reports not pointing to the next version",
          """
          SELECT count(*) FROM report r LEFT JOIN report s ON s.id = r.superseded_by
          WHERE r.accepted AND NOT r.is_current AND (s.id IS NULL OR s.version != r.version + 1)
          """
        ),
        (
          "files whose refusal left no diagnostic",
          """
          SELECT count(*) FROM submission_file f WHERE f.verdict != 'accepted'
            AND NOT EXISTS (SELECT 1 FROM diagnostic d WHERE d.file_id = f.id AND d.severity = 'error')
          """
        ),
      ]
      for (label, sql) in checks {
        let count = try Int.fetchOne(db, sql: sql) ?? -1
        if count != 0 { problems.append("\(label): \(count)") }
      }
    }
    return problems
  }

  /// The names of the stored files, in order of reception.
  static func storedNames(_ ledger: Ledger) throws -> [String] {
    try ledger.read { db in try String.fetchAll(db, sql: "SELECT name FROM submission_file ORDER BY id") }
  }

  /// Current reports as `survey year siret`, sorted.
  static func currentReports(_ ledger: Ledger) throws -> [String] {
    try ledger.read { db in
      try String.fetchAll(
        db, sql: "SELECT survey || ' ' || year || ' ' || siret FROM report WHERE is_current ORDER BY 1")
    }
  }
}
