import Testing

@testable import BaoxunKit

@Suite struct SegmenterTests {
  let articles = Segmenter().segment(Normalizer().normalize(RepoPaths.seedText))

  @Test func seedHasFiveArticlesWithHeadlineGroups() {
    #expect(articles.count == 5)
    #expect(articles.map { $0.headline?.text } == [
      "余杭区经济高质量发展大会举行", "区政府廉政工作会议举行", "余杭启动“三新”升级行动",
      "一马当先立潮头 跃马扬鞭再奋进", "从一场高规格大会看余杭的“进”与“立”",
    ])
    #expect(articles[0].kicker?.text == "忠诚担当谱新篇 实干争先开新局")
    #expect(articles[1].subheadline?.text == "努力打造人民满意政府")
    #expect(articles[2].subheadline?.text == "打造全国消费创新高地")
  }

  @Test func bylinesInEveryForm() {
    #expect(articles.map(\.byline) == [["阮伟康", "陈书恒"], ["宋晗语", "陈名"], ["陈坚", "贾丹红"], ["俞杰"], ["金一清"]])
  }

  @Test func commentaryIsMarkedByItsByline() {
    #expect(articles[3].kind == .commentary)
    #expect(articles[0].kind == .news)
  }

  @Test func orphanedLeadIsReattachedToItsArticle() {
    let fifth = articles[4]
    #expect(fifth.hasOrphanedLead)
    #expect(fifth.sentences.contains { $0.text.hasPrefix("昨日上午9时，杭州未来科技城学术交流中心高朋满座") })
  }

  @Test func teaserBlockAndJumpLineAreNotText() {
    let all = articles.flatMap(\.sentences).map(\.text).joined()
    #expect(!all.contains("详见第2版"))
    #expect(!all.contains("下转第3版"))
    #expect(!all.contains("何以说到了他们心坎里"))
    #expect(all.contains("人才力量则是“创造者”。"))
  }

  @Test func sentencesSplitAfterClosingQuotes() {
    let s = SentenceSplitter.split(Normalizer().normalize("他说：“好。”随后离开。"), 0..<12)
    #expect(s.count == 2)
  }

  @Test(arguments: [
    ("本报讯（记者 阮伟康 陈书恒） 昨日上午", ["阮伟康", "陈书恒"]),
    ("（记者 金一清） 昨日上午9时", ["金一清"]),
    ("记者 陈坚 通讯员 贾丹红", ["陈坚", "贾丹红"]),
    ("◎俞杰", ["俞杰"]),
    ("本报讯（通讯员 李 岩 记者 欧阳明华）近日", ["李岩", "欧阳明华"]),
  ])
  func bylineForms(_ text: String, _ names: [String]) {
    #expect(Byline.leading(text)?.names == names)
  }

  @Test func threeLineHeadlineGroup() {
    let text = "奋力打造共同富裕示范区\n\n全县重大项目集中开工\n\n总投资156.8亿元\n\n本报讯（记者 王明）昨日，全县重大项目集中开工。"
    let a = Segmenter().segment(Normalizer().normalize(text))
    #expect(a.count == 1)
    #expect(a[0].kicker?.text == "奋力打造共同富裕示范区")
    #expect(a[0].headline?.text == "全县重大项目集中开工")
    #expect(a[0].subheadline?.text == "总投资156.8亿元")
  }
}
