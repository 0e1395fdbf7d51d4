import Testing

@testable import BaoxunKit

@Suite struct NormalizerTests {
  let normalizer = Normalizer()

  @Test func foldsWidthAndPunctuation() {
    let n = normalizer.normalize("规模达３．５亿元,增长12%(同比)。ＡＩ时代")
    #expect(n.string(0..<n.scalars.count) == "规模达3.5亿元，增长12%（同比）。AI时代")
  }

  /// OCR and Big5-converted text writes 者 as the compatibility ideograph U+FA5B and adds
  /// variation selectors; rules and bylines must see the unified ideograph, offsets the original.
  @Test func foldsCompatibilityIdeographsAndDropsVariationSelectors() {
    let original = "本报讯（记\u{FA5B} 张三\u{FE0F} 李四）"
    let n = normalizer.normalize(original)
    #expect(n.string(0..<n.scalars.count) == "本报讯（记者 张三 李四）")
    let zhe = n.string(0..<n.scalars.count).unicodeScalars.firstIndex(of: "者")!
    let at = n.string(0..<n.scalars.count).unicodeScalars.distance(from: n.string(0..<n.scalars.count).unicodeScalars.startIndex, to: zhe)
    #expect(n.originalRange(at..<(at + 1)) == 5..<6)
    #expect(n.originalRange(0..<n.scalars.count) == 0..<original.unicodeScalars.count)
    #expect(Set(Segmenter().segment(normalizer.normalize(original + "会议召开。")).flatMap(\.byline)) == ["张三", "李四"])
  }

  @Test func keepsDigitGroupingAndTime() {
    let n = normalizer.normalize("营收1,100.9亿元，9:30开幕")
    #expect(n.string(0..<n.scalars.count) == "营收1,100.9亿元，9:30开幕")
  }

  @Test func collapsesSpacesButKeepsOne() {
    let n = normalizer.normalize("本报讯(记者\u{3000}阮伟康  陈书恒)  ")
    #expect(n.string(0..<n.scalars.count) == "本报讯（记者 阮伟康 陈书恒）")
  }

  /// The seed's column breaks: each of these was cut across blank lines in the printed page.
  @Test(arguments: [
    "“创投余杭”系列战略合作签约", "在推动科技创新和产业创新深度融合上", "干出安全发展能级新提升", "要筑牢思想根基，",
    "也成为该行动的一大亮点", "城市新中心不歇脚、不松劲", "不断创新打法、优化机制", "“忠诚担当谱新篇，实干争先开新局”",
    "“阳光、土壤和雨露”。",
  ])
  func seedColumnBreaksAreJoined(_ phrase: String) {
    let n = normalizer.normalize(RepoPaths.seedText)
    let text = n.string(0..<n.scalars.count)
    #expect(text.contains(phrase))
  }

  @Test func headlinesAreNotJoinedToTheirArticle() {
    let n = normalizer.normalize(RepoPaths.seedText)
    let paragraphs = n.paragraphs.map { n.string($0.range) }
    #expect(paragraphs.contains("余杭区经济高质量发展大会举行"))
    #expect(paragraphs.contains("◎俞杰"))
    #expect(paragraphs.contains("从一场高规格大会看余杭的“进”与“立”"))
  }

  /// A numbered list's items stop without punctuation like a paragraph cut at a column break,
  /// but each item starts with its number; a number cut across the break (总投资1 / 2.5亿元) still joins.
  @Test func numberedListItemsStayApart() {
    let text = "签约项目清单\n\n1．年产12万吨大豆蛋白项目，签约企业：上海禾瑞生物科技有限公司，投资额8.5亿元\n\n"
      + "2．富锦市冷链物流园项目，签约企业：上海东衡供应链管理有限公司，投资额6.2亿元\n\n"
      + "（三）城市更新项目，由市城投集团有限公司负责实施，计划今年年底前完成主体\n\n"
      + "四、其他事项\n\n该项目由本地企业投资建设，占地120亩，预计今年年底前完成主体工程，总投资1\n\n2.5亿元，建成后可带动就业300人。"
    let n = normalizer.normalize(text)
    let paragraphs = n.paragraphs.map { n.string($0.range) }
    #expect(paragraphs.contains("1.年产12万吨大豆蛋白项目，签约企业：上海禾瑞生物科技有限公司，投资额8.5亿元"))
    #expect(paragraphs.contains("2.富锦市冷链物流园项目，签约企业：上海东衡供应链管理有限公司，投资额6.2亿元"))
    #expect(paragraphs.contains { $0.hasPrefix("（三）城市更新项目") })
    #expect(paragraphs.contains("四、其他事项"))
    #expect(paragraphs.contains { $0.contains("总投资12.5亿元，建成后") })
  }

  @Test func listMarkers() {
    for line in ["1.年产", "12、推进", "（三）城市", "（12）项目", "十一、其他"] {
      #expect(LineShape.startsWithListMarker(line.unicodeScalars), "\(line)")
    }
    for line in ["2.5亿元", "2024年", "一些", "十一月", "（记者 王五）", "3", "三、四季度", "一、二月份"] {
      #expect(!LineShape.startsWithListMarker(line.unicodeScalars), "\(line)")
    }
  }

  /// Every normalized character comes from an original character it is a folding of.
  @Test func offsetMapPointsAtTheOriginalCharacters() {
    let original = Array(RepoPaths.seedText.unicodeScalars)
    let n = normalizer.normalize(RepoPaths.seedText)
    for (i, s) in n.scalars.enumerated() where s != "\n" {
      let o = original[Int(n.origin[i])]
      let refolded = normalizer.fold(o, previous: nil, next: nil) ?? " "
      #expect(refolded == s || o == s || (o == "," && s == "，") || (o == ":" && s == "："),
        "normalized \(s) at \(i) maps to \(o)")
    }
  }

  @Test func crlfCountsTwoScalars() {
    let n = normalizer.normalize("第一段。\r\n\r\n第二段。")
    let second = n.paragraphs[1].range
    #expect(n.originalRange(second) == 8..<12)
  }
}
