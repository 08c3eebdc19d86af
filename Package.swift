// swift-tools-version:6.0
import PackageDescription

/// enquete — yearly activity surveys of family-mediation services and espaces de rencontre.
///
/// Stages flow one way: ingest → validate → store → aggregate → protect → render.
/// `EnqueteCore` is the vocabulary every stage shares; stage modules never import each other.
let package = Package(
  name: "enquete",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "enquete", targets: ["enquete"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
  ],
  targets: [
    // libxml2 from the system (Debian: libxml2-dev), through a shim that tames ICU and macros.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // GLPK from the system (Debian: libglpk-dev, no pkg-config file), the LP solver of the audit.
    .systemLibrary(
      name: "CGLPK",
      providers: [.apt(["libglpk-dev"])]
    ),
    // The contracts: the variable catalog and the cross-field rules, compiled into the binary.
    // Generated files (XSD, Table Schemas) are excluded: they are produced from the catalog.
    .target(
      name: "EnqueteSchemas",
      path: "Schemas",
      exclude: ["README.md", "v1/xsd", "v1/tableschema"],
      resources: [
        .embedInCode("v1/surveys/mediation-familiale.json"),
        .embedInCode("v1/surveys/espace-rencontre.json"),
        .embedInCode("v1/rules/mediation-familiale.rules.json"),
        .embedInCode("v1/rules/espace-rencontre.rules.json"),
        .embedInCode("v1/publication/mediation-familiale.publication.json"),
        .embedInCode("v1/publication/espace-rencontre.publication.json"),
      ]
    ),
    .target(
      name: "EnqueteCore",
      dependencies: ["EnqueteSchemas", "CSHA256"],
      exclude: ["Reference/README.md"],
      resources: [
        .embedInCode("Reference/departements.csv"),
        .embedInCode("Reference/regions.csv"),
        .embedInCode("Reference/cours_appel.csv"),
        .embedInCode("Reference/departements_cours_appel.csv"),
        .embedInCode("Reference/population_departements_estimation_2025.csv"),
      ]
    ),
    // `__builtin_prefetch` for Swift (the SIRET table's slot is fetched while the row is read).
    .target(name: "CPrefetch"),
    // SHA-256's compression on the processor's SHA extensions, for the ledger's fingerprints.
    .target(name: "CSHA256"),
    // Stage 1, intake: a submitted file's bytes → its checked reports and diagnostics (CSV
    // tokenizer and encodings, XML through libxml2 and the XSD, typing, Table Schema constraints,
    // cross-field rules; the fast checker and the reference validator).
    .target(
      name: "EnqueteIntake",
      dependencies: ["EnqueteCore", "CLibXML2", "CPrefetch"]
    ),
    // Stage 3: the ledger — campaigns, every submission and version, in SQLite through GRDB.
    .target(
      name: "EnqueteLedger",
      dependencies: [
        "EnqueteCore",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // Stage 4: current reports → cells over the geographic hierarchies and categories, with their
    // contributors, linked into the additive system the secrecy stage protects.
    .target(
      name: "EnqueteAggregate",
      dependencies: ["EnqueteCore"]
    ),
    // The report templates (Mustache) and their style sheet, compiled into the binary; a
    // statistician edits them in Templates/ (or points `enquete report --modeles` at a copy).
    .target(
      name: "EnqueteTemplates",
      path: "Templates",
      exclude: ["README.md"],
      resources: [
        .embedInCode("rapport.mustache"),
        .embedInCode("departement.mustache"),
        .embedInCode("tableau.mustache"),
        .embedInCode("style.css"),
      ]
    ),
    // Stage 6: the published tables → HTML report, open-data and Excel tables, extracts.
    .target(
      name: "EnqueteRender",
      dependencies: [
        "EnqueteCore", "EnqueteSchemas", "EnqueteTemplates",
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      // The département outlines the map is derived from (Charts/DepartementOutlines+Paths.swift,
      // re-derived by DepartementOutlinesTests); not compiled in.
      exclude: ["Reference"]
    ),
    // Wires the stages; what the command line (and later the server) calls.
    .target(
      name: "EnquetePipeline",
      dependencies: [
        "EnqueteCore", "EnqueteIntake", "EnqueteLedger", "EnqueteAggregate",
        "EnqueteProtect", "EnqueteRender",
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // Stage 5: statistical secrecy — primary rules, secondary suppression, the LP audit.
    .target(
      name: "EnqueteProtect",
      dependencies: [
        "EnqueteCore", "CGLPK",
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // The collection and download portal: uploads, follow-up pages, extracts, over HTTP.
    .target(
      name: "EnqueteServer",
      dependencies: [
        "EnqueteCore", "EnquetePipeline", "EnqueteLedger", "EnqueteRender",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ],
      resources: [.embedInCode("OpenAPI/portail.yaml")]
    ),
    .target(
      name: "EnqueteFuzzing",
      dependencies: ["EnqueteCore", "EnqueteIntake"]
    ),
    // Times each validation stage on a file (Benchmarks/, BENCHMARKS.md).
    .executableTarget(
      name: "enquete-bench", dependencies: ["EnqueteCore", "EnqueteIntake", "EnquetePipeline"]),
    // libFuzzer targets (scripts/fuzz builds them with -DFUZZING); plain builds replay files.
    .executableTarget(name: "fuzz-csv", dependencies: ["EnqueteFuzzing"]),
    .executableTarget(name: "fuzz-xml", dependencies: ["EnqueteFuzzing"]),
    .target(
      name: "EnqueteSample",
      dependencies: [
        "EnqueteCore",
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(
      name: "enquete",
      dependencies: [
        "EnqueteCore",
        "EnqueteSample",
        "EnquetePipeline",
        "EnqueteLedger",
        "EnqueteProtect",
        "EnqueteRender",
        "EnqueteServer",
        "CLibXML2",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .testTarget(name: "EnqueteCoreTests", dependencies: ["EnqueteCore"]),
    .testTarget(
      name: "EnqueteIntakeTests",
      dependencies: ["EnqueteIntake", "EnqueteFuzzing", "EnqueteCore"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "EnqueteAggregateTests", dependencies: ["EnqueteAggregate", "EnqueteCore"]),
    .testTarget(name: "EnqueteRenderTests", dependencies: ["EnqueteRender", "EnqueteCore"]),
    .testTarget(
      name: "EnquetePipelineTests",
      dependencies: ["EnquetePipeline", "EnqueteCore", "EnqueteAggregate", "EnqueteProtect", "EnqueteRender"]
    ),
    .testTarget(
      name: "EnqueteLedgerTests",
      dependencies: [
        "EnqueteLedger", "EnquetePipeline", "EnqueteCore", "EnqueteRender",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "EnqueteProtectTests",
      dependencies: ["EnqueteProtect", "EnqueteCore", "EnqueteAggregate"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "EnqueteServerTests",
      dependencies: [
        "EnqueteServer", "EnqueteLedger", "EnquetePipeline", "EnqueteCore",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
    .testTarget(
      name: "EnqueteSampleTests",
      dependencies: ["EnqueteSample", "EnqueteCore"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
