import BaoxunKit
import Foundation
import Testing

/// `NumberParser.parse` on matched spans of the genre: value in base units, unit, qualifier as
/// written, bound, and the high end of ranges.
struct ParseTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var input: String
    var value: String?
    var unit = ""
    var qualifier = ""
    var bound: Bound?
    var high: String?
    var testDescription: String { input }
  }

  static func c(
    _ input: String, _ value: String?, _ unit: String = "", _ qualifier: String = "",
    _ bound: Bound? = nil, high: String? = nil
  ) -> Case {
    Case(input: input, value: value, unit: unit, qualifier: qualifier, bound: bound, high: high)
  }

  static let moneyCases: [Case] = [
    c("总投资近7.6亿元", "760000000", "CNY", "近", .approx),
    c("年拉动销售收入超百亿元", "10000000000", "CNY", "超", .over),
    c("5亿多元", "500000000", "CNY", "多", .over),
    c("计划投资6亿多元", "600000000", "CNY", "多", .over),
    c("两千万元", "20000000", "CNY"),
    c("千万元", "10000000", "CNY"),
    c("4200万元以上", "42000000", "CNY", "以上", .over),
    c("签约金额逾1860亿元", "186000000000", "CNY", "逾", .over),
    c("协议投资约4.6亿美元", "460000000", "USD", "约", .approx),
    c("签约金额超35亿港元", "3500000000", "HKD", "超", .over),
    c("总投资45亿欧元", "4500000000", "EUR"),
    c("销售额45亿日元", "4500000000", "JPY"),
    c("100日元", "100", "JPY"),
    c("总投资２.１亿元", "210000000", "CNY"),
    c("1,100.9亿元", "110090000000", "CNY"),
    c("约 10亿元", "1000000000", "CNY", "约", .approx),
    c("总投资85亿", "8500000000"),
    c("8亿元人民币", "800000000", "CNY"),
    c("人民币50元", "50", "CNY"),
    c("￥300", "300", "CNY"),
    c("123元1角1分", "123.11", "CNY"),
    c("十块三毛", "10.3", "CNY"),
    c("肆佰叁拾萬圆整", "4300000", "CNY"),
    c("20余亿元", "2000000000", "CNY", "余", .over),
    c("村集体收入突破了50万元", "500000", "CNY", "突破", .over),
    c("50万元（含）以上", "500000", "CNY", "（含）以上", .atLeast),
    c("不足3000元", "3000", "CNY", "不足", .under),
    c("奖励最高50万元", "500000", "CNY", "最高", .atMost),
    c("投资亿元以上的项目", "100000000", "CNY", "以上", .over),
    c("过亿元", "100000000", "CNY", "过", .over),
    c("1.2万元/平方米", "12000", "CNY/m2"),
  ]

  static let peopleCases: [Case] = [
    c("带动就业超3.1万人", "31000", "person", "超", .over),
    c("500余人", "500", "person", "余", .over),
    c("200多人", "200", "person", "多", .over),
    c("带动就业8600余人", "8600", "person", "余", .over),
    c("上千个", "1000", "item", "上", .atLeast),
    c("上万名游客", "10000", "person", "上", .atLeast),
    c("提供就业岗位80个", "80", "item"),
    c("30家左右", "30", "firm", "左右", .approx),
    c("20来人", "20", "person", "来", .approx),
    c("1000名以上", "1000", "person", "以上", .over),
    c("3000余户农户", "3000", "household", "余", .over),
    c("十几名", "10", "person", "几", .over),
    c("150余人次", "150", "person_time", "余", .over),
    c("不到两个月", "2", "month", "不到", .under),
    c("10个多月", "10", "month", "多", .over),
    c("两年半", "2.5", "year"),
  ]

  static let measuresCases: [Case] = [
    c("依托6万平方米阿里公园", "60000", "m2"),
    c("展览面积约6.5万平方米", "65000", "m2", "约", .approx),
    c("占地860亩", "860", "mu"),
    c("120公顷", "120", "ha"),
    c("3.5平方公里", "3.5", "km2"),
    c("年产10万吨", "100000", "t"),
    c("12.6公里", "12.6", "km"),
    c("装机容量20万千瓦", "200000", "kW"),
    c("50兆瓦", "50000", "kW"),
    c("年产20GWh储能电池", "20000000", "kWh"),
    c("增长2倍", "2", "x"),
  ]

  static let sharesCases: [Case] = [
    c("12.5%", "12.5", "percent"),
    c("增长１２.５％", "12.5", "percent"),
    c("百分之十二点五", "12.5", "percent"),
    c("千分之三", "0.3", "percent"),
    c("提高2.4个百分点", "2.4", "pp"),
    c("下降0.5个百分点", "0.5", "pp"),
    c("三分之一", "0.333333333333"),
    c("超过六成", "60", "percent", "超过", .over),
    c("八成左右", "80", "percent", "左右", .approx),
    c("95%以上", "95", "percent", "以上", .over),
    c("七五折", "75", "percent"),
    c("-3.5%", "-3.5", "percent"),
  ]

  static let rangesCases: [Case] = [
    c("3亿至5亿元", "300000000", "CNY", high: "500000000"),
    c("两到三万", "20000", high: "30000"),
    c("10-20亿元", "1000000000", "CNY", high: "2000000000"),
    c("三五百", "300", high: "500"),
    c("七八十人", "70", "person", high: "80"),
    c("十五六万", "150000", high: "160000"),
    c("5%-10%", "5", "percent", high: "10"),
    c("3至5年", "3", "year", high: "5"),
    c("100万至200万元", "1000000", "CNY", high: "2000000"),
  ]

  static let bareMultipliersCases: [Case] = [
    c("冲刺万亿大关", "1000000000000"),
    c("突破千亿元", "100000000000", "CNY", "突破", .over),
    c("近千人", "1000", "person", "近", .approx),
    c("万人", "10000", "person"),
    c("千亿级产业集群", "100000000000"),
  ]

  static let indefiniteCases: [Case] = [
    c("数百万", nil, "", "数"),
    c("数十亿元", nil, "CNY", "数"),
    c("几十万人", nil, "person", "几"),
  ]

  static func check(_ k: Case) {
    let q = NumberParser.parse(k.input)
    #expect(q != nil, "no quantity in \(k.input)")
    guard let q else { return }
    #expect(q.value?.plainString == k.value, "value of \(k.input)")
    #expect(q.unit == k.unit, "unit of \(k.input)")
    #expect(q.qualifier == k.qualifier, "qualifier of \(k.input)")
    #expect(q.bound == k.bound, "bound of \(k.input)")
    #expect(q.high?.plainString == k.high, "high of \(k.input)")
  }

  @Test(arguments: moneyCases) func money(_ k: Case) { Self.check(k) }
  @Test(arguments: peopleCases) func peopleAndThings(_ k: Case) { Self.check(k) }
  @Test(arguments: measuresCases) func measures(_ k: Case) { Self.check(k) }
  @Test(arguments: sharesCases) func percentagesAndFractions(_ k: Case) { Self.check(k) }
  @Test(arguments: rangesCases) func ranges(_ k: Case) { Self.check(k) }
  @Test(arguments: bareMultipliersCases) func bareMultipliers(_ k: Case) { Self.check(k) }
  @Test(arguments: indefiniteCases) func indefiniteAmountsHaveNoValue(_ k: Case) { Self.check(k) }

  @Test func rangeCoversTheWholeSpan() throws {
    let text = "这19个项目总投资近7.6亿元"
    let q = try #require(NumberParser.parse(text))
    #expect(q.range == 9..<15)
  }
}

/// Inputs found by fuzzing (Fuzz/) that once crashed Decimal arithmetic.
@Suite struct NumberFuzzRegressionTests {
  @Test(arguments: ["0.1^200", "0.5^9999", "0.0001^50", "1.5^9999", "1e999", "2e-999"])
  func hugeOrTinyPowersDoNotTrap(_ input: String) {
    // Reaching here is the test: these inputs used to kill the process in Decimal's pow.
    let line = NumberParser.tsvLine(for: input)
    let value = line.split(separator: "\t", omittingEmptySubsequences: false)[1]
    #expect(!value.hasPrefix("-0") && !value.contains("e") && value.count < 40, "\(line)")
  }

  @Test func ordinaryPowersStillRead() {
    #expect(NumberParser.parse("2^5")?.value == 32)
    #expect(NumberParser.parse("2e5")?.value == 200000)
  }
}
