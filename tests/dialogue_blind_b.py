"""Blind dialogue set B (issue #18 §1-§5): 80 more conversations, other people and other wordings than set A,
the same coverage, written the same way: from the issue's promises and docs/chat.md alone, without opening
the code that answers them or the phrase pools of tests/dialogue_corpus.py, and never run by its writer.
Tuned since: first printed 67/80 (83.8%) on 2026-12-06 while held out, the chat was fixed against its misses
(tests/bot/test_blind_b_causes.py), and it now holds a floor with the tuned part; its figure is no longer a
held-out one.

Turns and outcomes are read as in tests/dialogue_blind_a.py (see tests/dialogue_eval.py).
Run by `python -m tests.dialogue_eval --part blind_b`.
"""

from __future__ import annotations

from tests.dialogue_blind_a import CAT, CONFIRM, DONE, OFFER, WHAT, WHOSE, hardship, tail
from tests.dialogue_corpus import Dialogue, Turn

HARDSHIP_OFFER = OFFER + "|困难|登记"

# A voice-input story that runs past the 2,000-character limit: an old man telling everything at once.
_LONG_PARTS = (
    "我给你们说说我们村磨坊那块地的事情 ",
    "那块地原来是集体的 后来村长说要建个扶贫车间 把地平了 车间盖了一半就停了 ",
    "上面拨下来的钱听说有四十多万 车间里到现在啥机器都没有 ",
    "村里人问村长 村长说钱还在镇上没拨下来 可镇上的人说早就拨到村上了 ",
    "我们几个老汉去村委会看公示栏 公示栏上啥也没贴 ",
    "后来听说那个车间的包工头是村长的外甥 干活的人工资也没给全 ",
)
LONG_STORY = "".join(_LONG_PARTS) + "".join(f"再说一遍 {part}" for part in _LONG_PARTS * 10)


def _d(name: str, intent: str, outcome: str, *turns: Turn) -> Dialogue:
    # Tuned part since its first run (67/80, 83.8%, 2026-12-06): the chat's fixes were made against it.
    return Dialogue(name=f"bb-{name}", intent=intent, outcome=outcome, turns=tuple(turns), held_out=False)


def _reports() -> list[Dialogue]:
    return [
        _d(
            "ask-tousu",
            "report",
            "report;anon=1",
            "我要投诉",
            (CAT, "{opt:挪用}"),
            (WHAT, "村上的养殖补助 俺们每户被扣了五百 说是交了啥保证金"),
            *tail(done="没了", photo="没有照片", anon="匿名反映", confirm="提交"),
        ),
        _d(
            "ask-jubao-ren",
            "report",
            "report",
            "想举报个人",
            (CAT, "{opt:优亲厚友}"),
            (WHAT, "低保评的时候 书记他姐家有门面房还评上了 俺们隔壁瘫在床上的没评上"),
            *tail(done="好的 说完了", photo="没有", anon="{opt:匿名}", confirm="{opt:提交}"),
        ),
        _d(
            "ask-gaozhuang",
            "report",
            "report",
            "我要告状",
            (CAT, "{opt:挪用}"),
            (WHAT, "村里修文化广场的钱 社长说花了二十万 就铺了一层砖"),
            *tail(done="就这", photo="没", anon="{opt:匿名}", confirm="确认提交"),
        ),
        _d(
            "ask-niming-question",
            "report",
            "report;anon=1",
            "能匿名举报不 我想反映村上的事",
            (CAT, "{opt:挪用}"),
            (WHAT, "互助资金村上借给了外村的老板 俺们本村的人借不上"),
            *tail(done="完了", photo="没有", anon="{opt:匿名}", confirm="{opt:提交}"),
        ),
        _d(
            "ask-jiwei-shuoshuo",
            "report",
            "report",
            "有个情况要给纪委说说",
            (CAT, "{opt:作风}"),
            (WHAT, "镇上管低保的那个人 办事要先请他吃饭 不请就说材料不全"),
            *tail(done="说完了", level="{opt:乡镇}", photo="没有", anon="{opt:匿名}", confirm="{opt:提交}"),
        ),
        _d(
            "ask-jianju-jiefa",
            "report",
            "report",
            "检举揭发",
            (CAT, "{opt:冒领}"),
            (WHAT, "村里死了三年的人 养老金还在领 是村文书拿着他的卡"),
            *tail(done="好", photo="没有", anon="{opt:匿名}", confirm="{opt:提交}"),
        ),
        _d(
            "ask-fanying-qingkuang",
            "report",
            "report",
            "反应个情况。",
            (CAT, "{opt:挪用}"),
            (WHAT, "村上光伏的收益 说是给公益岗发工资 可公益岗都是村干部家的人在领"),
            *tail(done="说完", photo="没拍", anon="{opt:匿名}", confirm="{opt:提交}"),
        ),
        _d(
            "ask-zenme-nong",
            "report",
            "report",
            "我要反映问题 怎么弄",
            (CAT, "{opt:优亲厚友}"),
            (WHAT, "村里分配易地搬迁的楼房 好楼层都给了干部的亲戚"),
            *tail(done="好了", photo="跳过", anon="{opt:匿名}", confirm="{opt:提交}"),
        ),
        _d(
            "ask-jubao-cadre-words",
            "report",
            "report",
            "举报村干部!!!",
            (CAT, "{opt:挪用}"),
            (WHAT, "村主任把村上的旧学校卖了 钱没进村集体的账"),
            *tail(done="好了", photo="不用", anon="{opt:匿名}", confirm="对 提交"),
        ),
        _d("ask-how-question", "report", "answer", "怎么举报村干部"),
    ]


def _stories() -> list[Dialogue]:
    return [
        _d(
            "story-jiuzai-mianfen",
            "story",
            "report;keep=面粉",
            "村长把救灾的面粉拉到他家去了",
            (OFFER, "{opt:开始}"),
            *tail(done="好了", photo="没有", anon="不留名"),
        ),
        _d(
            "story-caoyuan-liangfen",
            "story",
            "report;keep=草原",
            "文书给他自己家报了两份草原补奖 俺们家的反而少了",
            (OFFER, "对的"),
            *tail(),
        ),
        _d(
            "story-lishizhang-yaobao",
            "story",
            "report;cat=挪用|截留;keep=分红",
            "合作社理事长把分红款装了自己腰包",
            (OFFER, "{opt:开始}"),
            *tail(done="就这些"),
        ),
        _d(
            "story-weifang-gege",
            "story",
            "report;cat=优亲厚友;keep=危房",
            "危房改造俺家明明够条件 村上说名额满了 结果给了书记他哥",
            (OFFER, "{opt:开始}"),
            *tail(done="好了", photo="没有", anon="{opt:匿名}"),
        ),
        _d(
            "story-shuji-xiancheng",
            "story",
            "report;keep=县城",
            "书记天天在县城住着 村里有事找不着人 打电话也不接",
            (OFFER, "{opt:开始}"),
            *tail(photo="没有"),
        ),
        _d(
            "story-shuiguan-jiude",
            "story",
            "report;keep=管子",
            "修的自来水管子是旧的 一冬天冻裂了好几回 包工头是村长亲戚",
            (OFFER, "是"),
            *tail(done="说完了"),
        ),
        _d(
            "story-voice-guanlifei",
            "story",
            "report;keep=管理费",
            "那个我给你说一下就是我们村的那个会计嘛他每次发补贴的时候都要扣一点说是什么管理费"
            "我们也不知道是啥费用一家扣五十一百的",
            (OFFER, "{opt:开始}"),
            *tail(done="嗯", photo="没有", anon="{opt:匿名}"),
        ),
        _d(
            "story-tibetan-simple",
            "story",
            "report;keep=低保",
            "我们村 干部 低保 给 自己家人 不对",
            (OFFER, "{opt:开始}"),
            *tail(done="好了", photo="没有"),
        ),
        _d(
            "story-niu-maoling",
            "story",
            "report;keep=牛",
            "扶贫的牛 村上说给了俺家 俺家根本没见着牛😂😂",
            (OFFER, "{opt:开始}"),
            *tail(anon="匿名"),
        ),
        _d(
            "story-shezhang-lindi",
            "story",
            "report;keep=林地",
            "社长偷偷把集体的林地卖给外地人了，钱不知道去哪了？？",
            (OFFER, "{opt:开始}"),
            *tail(confirm="交吧"),
        ),
    ]


def _people() -> list[Dialogue]:
    return [
        _d("person-fuwu", "person", "human", "人工服务", "俺家的草原补奖今年少了一半 为啥"),
        _d("person-gongzuorenyuan", "person", "human", "我要和工作人员说话", "娃考上大学了 助学贷款村上能不能给开证明"),
        _d("person-jiao-ganbu", "person", "human", "叫个干部来回答一下", "俺们社的自来水一个月停了四回了"),
        _d("person-crying", "person", "human", "能不能找个人说话😭", "俺老汉走了 他的养老保险咋办"),
        _d("person-zhuanjie", "person", "human", "转接人工客服", "监测户的帮扶措施有哪些 俺家刚纳入"),
        _d("person-lingdao", "person", "human", "我要找领导", "村上的公益岗位今年招不招人"),
        _d(
            "person-asked-thrice",
            "person",
            "human",
            "低保的事我问了三回了还是不明白 你们有没有真人",
            "俺家低保为啥一个月少了一百",
        ),
    ]


def _navigation() -> list[Dialogue]:
    return [
        _d("nav-back-top", "navigation", "back", "返回"),
        _d("nav-prev-page-top", "navigation", "back", "上一页"),
        _d("nav-exit-description", "navigation", "cancel", "我要举报", (CAT, "{opt:挪用}"), "退出"),
        _d(
            "nav-hardship-nevermind",
            "navigation",
            "cancel",
            "家里老人瘫在床上了 娃也小 日子难得很",
            (HARDSHIP_OFFER, "{opt:登记}"),
            (WHOSE, "{opt:自己}"),
            "不要了",
        ),
        _d("nav-restart-tracking", "navigation", "menu", "查进度", "重新开始"),
        _d("nav-help-in-report", "navigation", "help", "我要反映", (CAT, "{opt:挪用}"), "帮助"),
        _d("nav-back-from-detail", "navigation", "back", "项目公开", "1", "返回"),
        _d("nav-person-cancel", "navigation", "cancel", "转人工", "不转了 取消"),
        _d(
            "nav-confirm-giveup",
            "navigation",
            "cancel",
            "反映问题",
            (CAT, "{opt:挪用}"),
            (WHAT, "村上发的化肥钱被社长扣了一半"),
            *tail(confirm="算了不弄了"),
        ),
    ]


def _choices() -> list[Dialogue]:
    return [
        _d("choice-words-policy", "choice", "answer", "菜单", "政策咨询", "养老保险一年交多少钱"),
        _d(
            "choice-hao-report",
            "choice",
            "report",
            "菜单",
            "3号",
            (CAT, "{optw:挪用}"),
            (WHAT, "村里的退耕还林补助社长替俺们领了 到现在没给"),
            *tail(),
        ),
        _d(
            "choice-words-report",
            "choice",
            "report",
            "菜单",
            "反映问题",
            (CAT, "{opth:优亲厚友}"),
            (WHAT, "村上的护林员都是干部家里的人 俺们申请了几回都不要"),
            *tail(level="{optc:村干部}", anon="{optc:匿名}", confirm="{optw:提交}"),
        ),
        _d("choice-wide-four", "choice", "case;last=补充材料", "菜单", "４", "{n} {c}"),
        _d("choice-er", "choice", "projects", "菜单", "二"),
        _d("choice-di2-di3", "choice", "detail", "菜单", "第2个", "第三个"),
        _d("choice-one-question", "choice", "answer", "菜单", "1", "雨露计划一年给多少"),
    ]


def _small_talk() -> list[Dialogue]:
    return [
        _d("small-tongzhi", "smalltalk", "menu", "您好同志"),
        _d("small-zaoshang", "smalltalk", "menu", "早上好"),
        _d("small-xiexie-nimen", "smalltalk", "menu", "谢谢你们"),
        _d("small-pray", "smalltalk", "menu", "🙏🙏"),
        _d("small-enen", "smalltalk", "menu", "嗯嗯"),
        _d("small-lingdao", "smalltalk", "menu", "领导们辛苦了"),
    ]


def _refusals() -> list[Dialogue]:
    return [
        _d("refuse-tv", "refusal", "refusal", "给我推荐个好看的电视剧"),
        _d("refuse-sim", "refusal", "refusal", "移动卡咋销号"),
        _d("refuse-dog", "refusal", "refusal", "俺家的狗丢了 谁帮俺找找"),
    ]


def _projects() -> list[Dialogue]:
    return [
        _d("proj-bokuan", "projects", "projects", "俺们村今年上面拨了多少钱"),
        _d("proj-zhang", "projects", "projects", "村上的账能看不"),
        _d("proj-qiao", "projects", "projects", "修桥的项目花了多少"),
        _d("proj-words-third", "projects", "detail", "项目", "第三个"),
        _d("proj-next-prev", "projects", "detail", "村里的项目", "下一页", "上一页", "1"),
        _d("proj-menu-wide", "projects", "detail", "菜单", "项目公开", "４"),
        _d(
            "proj-doubt-report",
            "projects",
            "report;confirm=项目",
            "项目公开",
            "1",
            "有疑问 我要反映",
            (CAT, "{opt:工程}"),
            (WHAT, "这个项目的钱数跟村里人说的对不上 实际没花这么多"),
            *tail(done="好了", photo="没有", anon="{opt:匿名}"),
        ),
        _d("proj-two-pages-back", "projects", "back", "项目公开", "更多", "更多", "上一页", "返回"),
        _d("proj-fupinkuan", "projects", "projects", "国家给村上的扶贫款都弄啥了"),
    ]


def _tracking() -> list[Dialogue]:
    return [
        _d("track-spaced-code", "track", "case", "查询 {ns} 码 {cs}"),
        _d("track-mixed-width", "track", "case;last=补充材料", "编号：{p1f}-{p2}-{p3}，查询码：{c}"),
        _d("track-code-first-lines", "track", "case", "{c}\n{n}"),
        _d("track-one-dash-missing", "track", "case", "我的案子 {p1}-{p2}{p3} {c}"),
        _d("track-wide-two-messages", "track", "case", "查进度", "{nf}", "{cf}"),
        _d("track-year-typo", "track", "notcase", "630223-226-000001 {c}"),
        _d("track-menu-four", "track", "case", "4", "{n} {c}"),
        _d("track-wrong-code-words", "track", "notcase", "帮我查一下{n} 查询码是246810"),
    ]


def _hardship() -> list[Dialogue]:
    return [
        _d(
            "hard-fall-work",
            "hardship",
            "hardship;anon=0",
            "俺男人在外面打工摔断了腿 家里没收入了 娃还要上学",
            (HARDSHIP_OFFER, "{opt:登记}"),
            *hardship("{opt:自己}", "{opt:事故} {opt:上学}", "上个月十号", "四口", "治腿的钱 娃的学费", "15009721188"),
        ),
        _d(
            "hard-old-bachelor",
            "hardship",
            "hardship;anon=0",
            "村里的老光棍马福一个人住 病得下不了炕 谁管管",
            (HARDSHIP_OFFER, "{opt:登记}"),
            *hardship("{opt:别人}", "{opt:大病}", "入冬以后", "一个", "有人照顾 看病", "我是他邻居 13309727766"),
        ),
        _d(
            "hard-via-category",
            "hardship",
            "hardship;anon=0",
            "我要反映",
            (CAT, "{opt:困难}"),
            *hardship("{opt:自己}", "{opt:大病}", "今年五月", "三口人", "医药费 低保", "18809720055"),
        ),
        _d(
            "hard-mudslide",
            "hardship",
            "hardship;anon=0",
            "家里遭了泥石流 房子冲塌了 现在住在亲戚家",
            (HARDSHIP_OFFER, "1"),
            *hardship("自己家", "{opt:灾}", "八月份下大雨的时候", "5口", "盖房子", "13619723344"),
        ),
        _d(
            "hard-monitoring",
            "hardship",
            "hardship;anon=0",
            "想申请防返贫监测",
            (HARDSHIP_OFFER, "{opt:登记}"),
            (WHAT, "老婆常年吃药 去年羊价跌了 养的羊卖不上钱 欠了三万多"),
            *hardship("{opt:自己}", "{opt:其他}", "去年到现在", "六口", "找个稳定的活", "我的电话是 13997201122"),
        ),
        _d(
            "hard-switch-from-report",
            "hardship",
            "hardship;anon=0;keep=瘫",
            "我要举报",
            (CAT, "{opt:挪用}"),
            (WHAT, "也不是举报谁 就是俺家老汉瘫了 娃上学 日子过不下去 想申请帮扶"),
            (DONE + "|帮扶|困难", "改成申请帮扶"),
            (HARDSHIP_OFFER, "{opt:帮扶}"),
            *hardship("{opt:自己}", "{opt:残疾}", "前年", "四口", "护理 娃的学费", "13897205566"),
        ),
    ]


def _edits() -> list[Dialogue]:
    return [
        _d(
            "edit-rewrite",
            "edit",
            "report;keep=化肥;drop=种子",
            "我要反映",
            (CAT, "{opt:挪用}"),
            (WHAT, "村上发种子的钱好像有问题"),
            *tail(confirm="我要改一下"),
            (CONFIRM + "|改", "{opt:经过}"),
            (WHAT + "|补充|重写|追加", "重写"),
            (WHAT + "|重写|重新", "说错了 是发化肥的钱 每户少给了两袋 钱被社长拿走了"),
            (DONE, "好了"),
            (CONFIRM, "{opt:提交}"),
        ),
        _d(
            "edit-category",
            "edit",
            "report;cat=优亲厚友",
            "我要反映",
            (CAT, "{opt:挪用}"),
            (WHAT, "村上评产业奖补 只给干部家里人评 别人都没有"),
            *tail(confirm="修改"),
            (CONFIRM + "|改", "{opt:类别}"),
            (CAT, "{opt:优亲厚友}"),
            (CONFIRM, "{opt:提交}"),
        ),
        _d(
            "edit-haole-not-stored",
            "edit",
            "report;drop=好了;keep=草场",
            "举报",
            (CAT, "{opt:挪用}"),
            (WHAT, "好了"),
            (WHAT + "|例如|比如|多说", "村上把俺们的草场租给外地人放牧 租金没分给大家"),
            *tail(done="说完了"),
        ),
        _d(
            "edit-one-word",
            "edit",
            "report;keep=公益岗",
            "反映",
            (CAT, "{opt:挪用}"),
            (WHAT, "钱"),
            (WHAT + "|例如|比如|多说", "公益岗的工资村上每个月扣一百 说是管理费"),
            *tail(),
        ),
        _d(
            "edit-long-story",
            "edit",
            "report;keep=磨坊",
            "我要反映",
            (CAT, "{opt:挪用}"),
            (WHAT, LONG_STORY),
            *tail(done="好了", photo="没有", anon="{opt:匿名}"),
        ),
    ]


def blind_b() -> list[Dialogue]:
    """The 80 dialogues of blind set B."""
    return [
        *_reports(),
        *_stories(),
        *_people(),
        *_navigation(),
        *_choices(),
        *_small_talk(),
        *_refusals(),
        *_projects(),
        *_tracking(),
        *_hardship(),
        *_edits(),
    ]
