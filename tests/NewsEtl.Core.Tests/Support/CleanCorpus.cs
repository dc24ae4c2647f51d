namespace NewsEtl.Core.Tests.Support;

/// <summary>Clean news-style paragraphs written for the tests: quotes, numbers, Latin names, legitimate parentheses.</summary>
public static class CleanCorpus
{
    public static readonly IReadOnlyList<string> Simplified =
    [
        "记者从市交通委员会获悉，今年前三季度全市新开通公交线路27条，日均客运量比去年同期增长12.4%。",
        "“我们希望在年底前完成全部站点的改造。”项目负责人王建国说，目前工程进度已经超过七成。",
        "分析人士认为，原材料价格回落叠加下游需求回暖，制造业利润有望在第四季度继续修复。",
        "这家公司在2023年推出了第一款智能手表（面向老年用户），当年出货量就突破了50万台。",
        "据了解，新规将于明年1月1日起施行，适用范围包括网约车、共享单车和城市物流配送车辆。",
        "张华表示，团队在过去半年里重写了推荐算法，用户平均停留时长因此增加了约三分之一。",
        "不少家长担心，课后服务时间延长之后，孩子的休息时间会被压缩，学校需要给出更细的方案。",
        "对于外界关于裁员的传言，公司发言人回应称：“目前没有任何大规模调整人员的计划。”",
        "从全年来看，出口增速或将维持在5%左右，但欠发达市场的订单波动仍然值得关注。",
        "研究团队使用了开源模型（AI）对十万份病历进行标注，准确率比人工抽检高出两个百分点。",
        "会议指出，要加快推进老旧小区改造，优先解决加装电梯、停车难和管道老化等问题。",
        "他说：“这不是一场短跑，而是一场马拉松。”随后又补充道，真正的考验在明年上半年。",
        "为什么年轻人越来越愿意为兴趣付费？调查显示，超过六成受访者每月在爱好上的花费超过300元。",
        "在iOS平台上线首周，这款应用的下载量就进入了效率类排行榜的前十名。",
    ];

    public static IReadOnlyList<string> Traditional { get; } = Simplified.Select(NewsEtl.Text.ChineseScript.ToTraditional).ToList();
}
