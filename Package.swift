// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "mtasts",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mtasts", targets: ["mtasts"]),
        .library(name: "MTASTSCore", targets: ["MTASTSCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", exact: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", exact: "1.7.4"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", exact: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", exact: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    ],
    targets: [
        .target(
            name: "MTASTSCore",
            path: "Sources/MTASTSCore"
        ),
        .target(
            name: "MTASTSProbe",
            dependencies: [
                "MTASTSCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/MTASTSProbe"
        ),
        .target(
            name: "MTASTSStore",
            dependencies: [
                "MTASTSCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/MTASTSStore"
        ),
        .target(
            name: "MTASTSIngest",
            dependencies: [
                "MTASTSCore",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Sources/MTASTSIngest"
        ),
        .target(
            name: "MTASTSServe",
            dependencies: [
                "MTASTSCore", "MTASTSProbe", "MTASTSStore", "MTASTSIngest",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/MTASTSServe"
        ),
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(
            name: "TerminalUI",
            dependencies: ["CNcurses"],
            path: "Sources/TerminalUI"
        ),
        .target(
            name: "MTASTSApp",
            dependencies: [
                "MTASTSCore", "MTASTSProbe", "MTASTSStore", "TerminalUI",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Sources/MTASTSApp"
        ),
        .executableTarget(
            name: "mtasts",
            dependencies: [
                "MTASTSCore",
                "MTASTSProbe",
                "MTASTSStore",
                "MTASTSApp",
                "MTASTSIngest",
                "MTASTSServe",
                "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/mtasts"
        ),
        .testTarget(
            name: "MTASTSCoreTests",
            dependencies: [
                "MTASTSCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/MTASTSCoreTests"
        ),
        .testTarget(
            name: "MTASTSProbeTests",
            dependencies: [
                "MTASTSProbe",
                "MTASTSCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            path: "Tests/MTASTSProbeTests"
        ),
        .testTarget(
            name: "MTASTSStoreTests",
            dependencies: ["MTASTSStore", "MTASTSCore"],
            path: "Tests/MTASTSStoreTests"
        ),
        .testTarget(
            name: "MTASTSIngestTests",
            dependencies: ["MTASTSIngest", "MTASTSCore"],
            path: "Tests/MTASTSIngestTests"
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI"],
            path: "Tests/TerminalUITests"
        ),
        .testTarget(
            name: "MTASTSAppTests",
            dependencies: ["MTASTSApp", "MTASTSCore", "MTASTSStore", "TerminalUI"],
            path: "Tests/MTASTSAppTests"
        ),
        .testTarget(
            name: "MTASTSServeTests",
            dependencies: [
                "MTASTSServe", "MTASTSCore", "MTASTSProbe", "MTASTSStore", "MTASTSIngest",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/MTASTSServeTests"
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["MTASTSCore"],
            path: "Tests/CLITests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
