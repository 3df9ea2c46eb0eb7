import Testing
import TradelogCore
import TradelogServices
import TradelogSimulation
import TradelogWire

@Suite struct JSONCommandLineTests {
  @Test func everyWorkloadCommandButTheUnreadableOnesIsAccepted() throws {
    var workload = Workload(seed: 21)
    for _ in 0..<5_000 {
      let command = workload.next()!
      let line = CommandEncoder.encodeJSON(command)
      if command == .unreadable {
        #expect(throws: JSONCommandLineError.self) { try JSONCommandLine.command(from: line) }
      } else {
        #expect(try JSONCommandLine.command(from: line) == command)
      }
    }
  }

  @Test func sixtyFourBitIntegersMayBeNumbersOrStrings() throws {
    let expected = Command.deposit(Transfer(account: 7, asset: Symbol("USD")!, amount: 1_000, transferId: 2))
    #expect(
      try JSONCommandLine.command(
        from: #"{"deposit":{"account":7,"asset":"USD","amount":1000,"transferId":"2"}}"#)
        == expected)
  }

  @Test(arguments: [
    ("{", "it is not valid JSON"),
    ("42", "it is not a JSON object"),
    ("{}", "the object names no command"),
    (#"{"deposit":{"acount":"1"}}"#, #"the field "acount""#),
    (#"{"placeOrder":{"type":"STOP"}}"#, "an enumeration value is not one the schema knows"),
    (#"{"deposit":{"amount":"1.5"}}"#, "a number is malformed"),
    (#"{"cancelAll":{}, "reduceOrder":{}}"#, "more than one command"),
  ])
  func saysWhyALineIsNotACommand(_ line: String, _ reason: String) {
    #expect {
      try JSONCommandLine.command(from: line)
    } throws: { error in
      (error as? JSONCommandLineError)?.reason.contains(reason) == true
    }
  }

  @Test func blankMeansOnlySpacesTabsAndCarriageReturns() {
    #expect(JSONCommandLine.isBlank(""))
    #expect(JSONCommandLine.isBlank(" \t\r"))
    #expect(!JSONCommandLine.isBlank(" {} "))
  }
}
