// swift-tools-version: 6.2
import PackageDescription

/// One strict settings list for every target of ours: Swift 6 language mode (strict concurrency) is the
/// default of this tools version; these add what the compiler does not enforce on its own.
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InferIsolatedConformances"),
  .treatAllWarnings(as: .error),
]

/// The C libraries, each a system-library target imported only by its thin Swift wrapper.
let systemLibraries: [Target] = [
  .systemLibrary(
    name: "CRdKafka", pkgConfig: "rdkafka",
    providers: [.apt(["librdkafka-dev"])]),
  .systemLibrary(
    name: "CLibPQ", pkgConfig: "libpq",
    providers: [.apt(["libpq-dev"])]),
  .systemLibrary(
    name: "CLZ4", pkgConfig: "liblz4",
    providers: [.apt(["liblz4-dev"])]),
  .systemLibrary(
    name: "CSQLite", pkgConfig: "sqlite3",
    providers: [.apt(["libsqlite3-dev"])]),
  .systemLibrary(
    name: "CCurl", pkgConfig: "libcurl",
    providers: [.apt(["libcurl4-openssl-dev"])]),
  // glibc's <malloc.h>: part of libc, nothing to link.
  .systemLibrary(name: "CMalloc"),
]

let package = Package(
  name: "Tradelog",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "tradelog", targets: ["tradelog"]),
    .executable(name: "tradelog-bench", targets: ["TradelogBenchmarks"]),
    .library(name: "TradelogWire", targets: ["TradelogWire"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
  ],
  targets: systemLibraries + [
    // Pure core: domain types, engine, order books, ledger, state hash. No dependencies, no Foundation.
    .target(name: "TradelogCore", swiftSettings: strictSettings),

    // The wire language: protobuf (tradelog.v1, generated code committed) and its JSON mapping <-> core.
    .target(
      name: "TradelogWire",
      dependencies: ["TradelogCore", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
      exclude: ["Generated/README.md"],
      swiftSettings: strictSettings),

    // SHA-256 block compression on the x86 SHA extensions, and the Swift side that hands it to the
    // core's SHA256 when the CPU has them: the chain hash on every command, snapshot files on each write and load.
    .target(name: "CSHA256"),
    .target(
      name: "AcceleratedSHA256", dependencies: ["TradelogCore", "CSHA256"], swiftSettings: strictSettings),

    // Seeded workloads, the naive reference model of SEMANTICS.md, invariant checkers: for tests,
    // benchmarks and the load generator.
    .target(name: "TradelogSimulation", dependencies: ["TradelogCore"], swiftSettings: strictSettings),

    // Thin wrappers: each owns its C resources and knows C, not trading.
    .target(name: "KafkaClient", dependencies: ["CRdKafka"], swiftSettings: strictSettings),
    .target(name: "PostgresClient", dependencies: ["CLibPQ"], swiftSettings: strictSettings),
    .target(name: "LZ4Frame", dependencies: ["CLZ4"], swiftSettings: strictSettings),
    .target(name: "SQLiteDatabase", dependencies: ["CSQLite"], swiftSettings: strictSettings),
    .target(name: "ClickHouseClient", dependencies: ["CCurl"], swiftSettings: strictSettings),

    // Adapters: the log contract (append, read, tail, end, fencing) over SQLite and over Kafka.
    .target(
      name: "RecordLog", dependencies: ["SQLiteDatabase", "KafkaClient"], swiftSettings: strictSettings),

    // Adapter: snapshot files (an LZ4 frame holding a checked header and the engine's state) and the
    // directory that keeps the last few.
    .target(
      name: "SnapshotStore", dependencies: ["TradelogCore", "AcceleratedSHA256", "LZ4Frame"],
      swiftSettings: strictSettings),

    // Services as libraries: the sequencer-matcher, producers, tail and offline replay; the
    // projectors build on the same parts.
    .target(
      name: "TradelogServices",
      dependencies: [
        "TradelogCore", "TradelogWire", "RecordLog", "SnapshotStore", "AcceleratedSHA256", "CMalloc",
        // Only to say why a JSON command line does not decode: TradelogWire's decoder never throws.
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: strictSettings),

    // The PostgreSQL projector: folds the events log into read tables, exactly once, with its schema
    // migrations (schemas/postgres) built in.
    .target(
      name: "PostgresProjection",
      dependencies: ["TradelogCore", "TradelogWire", "RecordLog", "PostgresClient", "TradelogServices"],
      swiftSettings: strictSettings),

    // The ClickHouse projector: event batches into history tables and candles, exactly once.
    .target(
      name: "ClickHouseProjection",
      dependencies: ["TradelogCore", "TradelogWire", "RecordLog", "ClickHouseClient", "TradelogServices"],
      swiftSettings: strictSettings),

    // The `tradelog` command: argument parsing only; the work lives in the libraries above.
    .executableTarget(
      name: "tradelog",
      dependencies: [
        "TradelogCore",
        "TradelogWire",
        "TradelogSimulation",
        "KafkaClient",
        "RecordLog",
        "TradelogServices",
        "SnapshotStore",
        "PostgresProjection",
        "ClickHouseProjection",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings),

    // Benchmarks, outside the test command: each prints its figures next to a reference. The
    // allocation counter replaces malloc, so it is linked into this executable only.
    .target(name: "CAllocationCounter"),
    .executableTarget(
      name: "TradelogBenchmarks",
      dependencies: [
        "TradelogCore", "TradelogSimulation", "LZ4Frame", "CAllocationCounter", "TradelogWire",
        "AcceleratedSHA256", "RecordLog", "KafkaClient", "SnapshotStore", "TradelogServices",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        // The projection benchmark: builds an events log and runs both projectors.
        "PostgresClient", "PostgresProjection", "ClickHouseClient", "ClickHouseProjection",
      ],
      swiftSettings: strictSettings),

    // Shared by the test targets: where the local servers are, temporary directories, subprocesses.
    .target(
      name: "TradelogTestSupport",
      dependencies: ["TradelogCore", "TradelogWire", "TradelogSimulation", "TradelogServices", "RecordLog"],
      path: "Tests/TradelogTestSupport", swiftSettings: strictSettings),

    .testTarget(
      name: "TradelogCoreTests", dependencies: ["TradelogCore", "TradelogSimulation", "TradelogTestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "AcceleratedSHA256Tests",
      dependencies: ["AcceleratedSHA256", "TradelogCore", "TradelogTestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "TradelogWireTests",
      dependencies: [
        "TradelogWire", "TradelogCore", "TradelogSimulation", "TradelogTestSupport",
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "KafkaClientTests", dependencies: ["KafkaClient", "TradelogTestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "PostgresClientTests", dependencies: ["PostgresClient", "TradelogTestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "ClickHouseClientTests", dependencies: ["ClickHouseClient", "TradelogTestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "ClickHouseProjectionTests",
      dependencies: [
        "ClickHouseProjection", "ClickHouseClient", "RecordLog", "TradelogCore", "TradelogWire",
        "TradelogSimulation", "TradelogServices", "TradelogTestSupport",
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "LZ4FrameTests", dependencies: ["LZ4Frame", "TradelogTestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "SQLiteDatabaseTests", dependencies: ["SQLiteDatabase", "TradelogTestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "RecordLogTests", dependencies: ["RecordLog", "KafkaClient", "TradelogTestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "PostgresProjectionTests",
      dependencies: [
        "PostgresProjection", "PostgresClient", "RecordLog", "TradelogCore", "TradelogWire",
        "TradelogTestSupport",
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "SnapshotStoreTests",
      dependencies: [
        "SnapshotStore", "TradelogCore", "TradelogSimulation", "LZ4Frame", "TradelogTestSupport",
        "AcceleratedSHA256",
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "TradelogServicesTests",
      dependencies: [
        "TradelogServices", "TradelogCore", "TradelogWire", "TradelogSimulation", "RecordLog",
        "SnapshotStore",
        "TradelogTestSupport",
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "TradelogCommandTests",
      dependencies: [
        "tradelog", "TradelogTestSupport", "KafkaClient", "RecordLog", "TradelogCore", "TradelogWire",
        "TradelogSimulation", "TradelogServices", "SnapshotStore",
      ],
      swiftSettings: strictSettings),
  ]
)
