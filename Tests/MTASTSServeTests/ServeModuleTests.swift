import Testing
@testable import MTASTSServe

@Test func moduleNamesItself() {
    #expect(ServeModule.name == "mtasts-serve")
}
