import BaoxunKit
import Foundation
import Testing

/// `NumberParser.quantities(in:)` on running newspaper text.
struct QuantitiesInTextTests {
  /// Each found quantity as `text=value unit qualifier bound [high]`, for compact expectations.
  static func summary(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return NumberParser.quantities(in: text).map { q in
      var s = String.UnicodeScalarView()
      s.append(contentsOf: scalars[q.range])
      var parts = ["\(String(s))=\(q.value?.plainString ?? "nil")"]
      if !q.unit.isEmpty { parts.append(q.unit) }
      if !q.qualifier.isEmpty { parts.append(q.qualifier) }
      if let b = q.bound { parts.append(b.rawValue) }
      if let h = q.high { parts.append("..\(h.plainString)") }
      return parts.joined(separator: " ")
    }
  }

  @Test func seedIssueSentence() {
    let text = "这19个项目总投资近7.6亿元，预计年拉动销售收入超百亿元，带动就业超3.1万人"
    #expect(
      Self.summary(text) == [
        "19个=19 item", "近7.6亿元=760000000 CNY 近 approx",
        "超百亿元=10000000000 CNY 超 over", "超3.1万人=31000 person 超 over",
      ])
  }

  static let sentences: [(String, [String])] = [
    ("依托6万平方米阿里公园，打造文化地标", ["6万平方米=60000 m2"]),
    ("未来五年文化产业冲刺万亿大关", ["五年=5 year", "万亿=1000000000000"]),
    ("2026年9月21日，全市36个重大项目集中开工", ["36个=36 item"]),
    (
      "第四届进博会上签约项目12个，签约金额逾1860亿元",
      ["12个=12 item", "逾1860亿元=186000000000 CNY 逾 over"]
    ),
    ("实现“十五五”良好开局，迎接二十大胜利召开", []),
    ("以“53311”工程为抓手，推动296X项目落地", []),
    ("坚持一手抓发展、一手抓安全，一马当先，万马奔腾", []),
    ("推动千仓千面、三新产业发展", []),
    ("千家万户受益，千方百计稳就业", []),
    ("统一部署，一起推进“一条龙”服务和一次性告知", []),
    ("县委书记张三主持召开第八十二次常务会议", []),
    (
      "1至7月，全县完成固定资产投资120.6亿元，同比增长8.5%",
      ["120.6亿元=12060000000 CNY", "8.5%=8.5 percent"]
    ),
    ("2023-2025年累计投入资金3亿至5亿元", ["3亿至5亿元=300000000 CNY ..500000000"]),
    (
      "年营业收入可达4200万元以上，带动周边3000余户农户增收",
      ["4200万元以上=42000000 CNY 以上 over", "3000余户=3000 household 余 over"]
    ),
    ("全年GDP增长5.2%，比上年提高0.6个百分点", ["5.2%=5.2 percent", "0.6个百分点=0.6 pp"]),
    ("每年培训人员两到三万人次", ["两到三万人次=20000 person_time ..30000"]),
    ("总投资10-20亿元的项目", ["10-20亿元=1000000000 CNY ..2000000000"]),
    ("吸引三五百名游客", ["三五百名=300 person ..500"]),
    ("数百万游客慕名而来", ["数百万=nil 数"]),
    ("上万名群众参加活动，上千家企业参展", ["上万名=10000 person 上 at_least", "上千家=1000 firm 上 at_least"]),
    ("近三成企业实现盈利", ["近三成=30 percent 近 approx"]),
    ("资金约 10亿元", ["约 10亿元=1000000000 CNY 约 approx"]),
    ("其中三分之一用于民生", ["三分之一=0.333333333333"]),
    ("签约项目19个，签约金额12亿元", ["19个=19 item", "12亿元=1200000000 CNY"]),
    ("联系电话0471-6951234，PM2.5浓度下降，G20峰会", []),
    ("（三）加强组织领导。1、压实责任", []),
    ("唯一一家入选企业", ["一家=1 firm"]),
    ("首批9家电子信息企业", ["9家=9 firm"]),
    ("上半年实现营收12亿元", ["12亿元=1200000000 CNY"]),
    ("县十八届三中全会于10时30分召开", []),
    ("最近3年，累计新增就业2.3万人", ["3年=3 year", "2.3万人=23000 person"]),
  ]

  @Test(arguments: sentences)
  func sentence(_ text: String, _ expected: [String]) {
    #expect(Self.summary(text) == expected, "\(text)")
  }

  @Test func rangesAreScalarOffsetsOfTheOriginalText() throws {
    let text = "（记者 张三）全市新增就业２.３万人"
    let q = try #require(NumberParser.quantities(in: text).first)
    let scalars = Array(text.unicodeScalars)
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars[q.range])
    #expect(String(s) == "２.３万人")
    #expect(q.value?.plainString == "23000")
  }
}
