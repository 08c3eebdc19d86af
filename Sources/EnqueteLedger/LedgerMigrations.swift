import GRDB

extension Ledger {
  /// The schema's migrations, in order. **Append-only**: a migration, once committed, is never
  /// edited nor removed, and new ones go at the end with a new identifier; a test holds the
  /// identifiers released so far as a prefix of this list.
  public static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("1-campaigns") { db in
      try db.execute(
        sql: """
          CREATE TABLE campaign (
            id INTEGER PRIMARY KEY,
            survey TEXT NOT NULL,
            year INTEGER NOT NULL,
            opened_at DATETIME NOT NULL,
            closed_at DATETIME,
            directory_name TEXT NOT NULL,
            directory_sha256 TEXT NOT NULL,
            directory_bytes BLOB NOT NULL,
            UNIQUE (survey, year)
          );
          CREATE TABLE expected_respondent (
            campaign_id INTEGER NOT NULL REFERENCES campaign(id),
            siret TEXT NOT NULL,
            name TEXT NOT NULL,
            departement_code TEXT NOT NULL,
            PRIMARY KEY (campaign_id, siret)
          ) WITHOUT ROWID;
          """)
    }
    migrator.registerMigration("2-submissions") { db in
      try db.execute(
        sql: """
          CREATE TABLE submission_file (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL,
            name TEXT NOT NULL,
            size INTEGER NOT NULL,
            bytes BLOB NOT NULL,
            companion_name TEXT,
            companion_sha256 TEXT,
            companion_bytes BLOB,
            format TEXT NOT NULL,
            encoding TEXT,
            survey TEXT,
            year INTEGER,
            received_at DATETIME NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'partial', 'refused')),
            report_count INTEGER NOT NULL,
            accepted_count INTEGER NOT NULL,
            warning_count INTEGER NOT NULL
          );
          CREATE UNIQUE INDEX submission_file_content
            ON submission_file(sha256, ifnull(companion_sha256, ''));
          CREATE TABLE report (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES submission_file(id),
            line INTEGER NOT NULL,
            survey TEXT,
            year INTEGER,
            siret TEXT,
            departement_code TEXT,
            region_code TEXT,
            cour_appel_code TEXT,
            accepted BOOLEAN NOT NULL,
            version INTEGER,
            is_current BOOLEAN NOT NULL DEFAULT 0,
            superseded_by INTEGER REFERENCES report(id),
            CHECK (accepted OR (version IS NULL AND NOT is_current)),
            CHECK (NOT (is_current AND superseded_by IS NOT NULL))
          );
          CREATE UNIQUE INDEX report_one_current ON report(survey, year, siret) WHERE is_current;
          CREATE UNIQUE INDEX report_version ON report(survey, year, siret, version)
            WHERE version IS NOT NULL;
          CREATE INDEX report_file ON report(file_id);
          CREATE INDEX report_siret ON report(siret, id);
          CREATE INDEX report_campaign ON report(survey, year, is_current, departement_code);
          CREATE TABLE report_value (
            report_id INTEGER NOT NULL REFERENCES report(id),
            variable TEXT NOT NULL,
            number REAL,
            text TEXT,
            PRIMARY KEY (report_id, variable)
          ) WITHOUT ROWID;
          CREATE TABLE report_detail (
            report_id INTEGER PRIMARY KEY REFERENCES report(id),
            measure_count INTEGER NOT NULL,
            measures TEXT NOT NULL
          );
          CREATE TABLE diagnostic (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES submission_file(id),
            report_id INTEGER REFERENCES report(id),
            severity TEXT NOT NULL,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            location_file TEXT NOT NULL,
            line INTEGER,
            "column" INTEGER,
            report TEXT,
            variable TEXT,
            rule TEXT
          );
          CREATE INDEX diagnostic_file ON diagnostic(file_id);
          CREATE INDEX diagnostic_report ON diagnostic(report_id);
          """)
    }
    migrator.registerMigration("3-publications") { db in
      try db.execute(
        sql: """
          CREATE TABLE publication (
            id INTEGER PRIMARY KEY,
            survey TEXT NOT NULL,
            year INTEGER NOT NULL,
            published_at DATETIME NOT NULL,
            plan_version TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            report_ids TEXT NOT NULL,
            cells_sha256 TEXT NOT NULL,
            cells BLOB NOT NULL
          );
          CREATE INDEX publication_campaign ON publication(survey, year, id);
          """)
    }
    migrator.registerMigration("4-portal") { db in
      // The portal's bearer tokens (only their SHA-256 is kept) and its audit log, which no
      // statement may change nor shorten once written.
      try db.execute(
        sql: """
          CREATE TABLE access_token (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL CHECK (role IN ('service', 'departement', 'statisticien')),
            scope TEXT NOT NULL,
            label TEXT NOT NULL,
            created_at DATETIME NOT NULL,
            revoked_at DATETIME
          );
          CREATE TABLE audit_event (
            id INTEGER PRIMARY KEY,
            at DATETIME NOT NULL,
            token_id INTEGER REFERENCES access_token(id),
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            outcome TEXT NOT NULL,
            http_status INTEGER NOT NULL,
            file_id INTEGER REFERENCES submission_file(id),
            sha256 TEXT
          );
          CREATE INDEX audit_event_token ON audit_event(token_id, id);
          CREATE TRIGGER audit_event_append_only_update BEFORE UPDATE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
          CREATE TRIGGER audit_event_append_only_delete BEFORE DELETE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
          """)
    }
    migrator.registerMigration("5-report-figures") { db in
      // A report's values as one JSON object (keys sorted) instead of one row per value: a
      // campaign at scale is 2.3 million value rows, and inserting them cost ingestion more than
      // checking the files did. `report_value` stays, as a view with the columns it had.
      try db.execute(
        sql: """
          CREATE TABLE report_figures (
            report_id INTEGER PRIMARY KEY REFERENCES report(id),
            figures TEXT NOT NULL CHECK (json_type(figures) = 'object')
          );
          INSERT INTO report_figures (report_id, figures)
            SELECT report_id, json_group_object(variable, coalesce(number, text))
            FROM report_value GROUP BY report_id ORDER BY report_id;
          DROP TABLE report_value;
          CREATE VIEW report_value (report_id, variable, number, text) AS
            SELECT f.report_id, j.key,
              CASE j.type WHEN 'text' THEN NULL WHEN 'null' THEN NULL WHEN 'true' THEN 1.0
                WHEN 'false' THEN 0.0 ELSE CAST(j.atom AS REAL) END,
              CASE j.type WHEN 'text' THEN j.atom END
            FROM report_figures f, json_each(f.figures) j;
          """)
    }
    migrator.registerMigration("6-detail-tables") { db in
      // A report's detail as one table, `{"columns":[…],"rows":[[…],…]}`, instead of an array of
      // objects: the keys once per report rather than once per measure (they were half of a
      // campaign's 395 MB of detail). Each report's array is rewritten by SQLite's own JSON
      // functions, values kept as they were (`->` gives each as JSON; a key a measure lacks,
      // null).
      let convert = try db.makeStatement(
        sql: """
          UPDATE report_detail SET measures = (
            WITH columns AS (
              SELECT DISTINCT k.key AS name
              FROM report_detail d, json_each(d.measures) m, json_each(m.value) k
              WHERE d.report_id = ?1 ORDER BY 1)
            SELECT json_object(
              'columns', (SELECT json_group_array(name) FROM columns),
              'rows', (
                SELECT json_group_array(json(line)) FROM (
                  SELECT (SELECT json_group_array(json(m.value -> columns.name)) FROM columns) AS line
                  FROM report_detail d, json_each(d.measures) m
                  WHERE d.report_id = ?1 ORDER BY m.key)))
          )
          WHERE report_id = ?1 AND json_type(measures) = 'array'
          """)
      for id in try Int64.fetchAll(db, sql: "SELECT report_id FROM report_detail ORDER BY report_id") {
        try convert.execute(arguments: [id])
      }
    }
    return migrator
  }
}
