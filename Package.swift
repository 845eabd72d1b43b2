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
    ],
    targets: [
        .target(
            name: "MTASTSCore",
            path: "Sources/MTASTSCore"
        ),
        .executableTarget(
            name: "mtasts",
            dependencies: [
                "MTASTSCore",
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
            name: "CLITests",
            dependencies: ["MTASTSCore"],
            path: "Tests/CLITests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
