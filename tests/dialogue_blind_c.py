"""Blind dialogue set C (issue #18 §1-§5): 80 conversations written from the issue, README.md, docs/chat.md
and the harness (tests/dialogue_eval.py) alone, without opening the code that answers them (bot/, cases/,
knowledge/, handlers/, villages/) or the other dialogue sets' phrasings, and never run by their writer.

The people are other villagers of 海东 than in sets A and B and in docs/chat.md: an old Party member, a
herder asking about 草原补奖, a village clerk registering a blind old man, a woman whose husband is on
dialysis, a migrant worker who hurt his back, young people typing by voice. They write dialect (啥, 咋,
阿么, 娃, 尕, 庄廓, 莫, 些, 一哈), typos and same-sound voice-input errors (反应 for 反映, 人公 for 人工, 底保
for 低保), full-width digits, Chinese numerals, no punctuation, long run-on stories, fragments and emoji.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
Five-level ratings are not part of this set. Run by `python -m tests.dialogue_eval --part blind_c`.
"""

from __future__ import annotations

from tests.blind_support import (
    ASKCAT,
    ASKQ,
    CHECK,
    EXAMPLE,
    HCHECK,
    HHELP,
    HKIND,
    HOFFER,
    HPEOPLE,
    HPHONE,
    HWHAT,
    HWHEN,
    LIST,
    MENUQ,
    MORE,
    NAMEGIVE,
    NAMEQ,
    OFFER,
    PIC,
    TELL,
    TRACKQ,
    WHO,
    WHOSE,
    held_out,
    help_asked,
    rest,
)
from tests.dialogue_corpus import Dialogue

_d = held_out("bc")


def _asks() -> list[Dialogue]:
    """Asking to report in many wordings, then choosing the category and telling the story."""
    return [
        _d(
            "ask-gaozhuang",
            "report",
            "report;anon=1;keep=丈人",
            "我要告状",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "二社社长把他丈人家评成监测户了 人家屋里两辆车"),
            *rest(more="就这些"),
        ),
        _d(
            "ask-fanying-homophone",
            "report",
            "report;keep=护林员",
            "想反应个问题",
            (ASKCAT, "{opt:资金}"),
            (TELL, "护林员的工资 村上每个月扣一百 说是交啥押金 扣了一年了也不退"),
            *rest(more="没了", pic="没拍照"),
        ),
        _d(
            "ask-jiefa",
            "report",
            "report;keep=救灾",
            "有个事我要揭发一哈",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "去年冬天的救灾面粉 文书光给他们姓李的几家发了 俺们没见着一袋"),
            *rest(more="说完了", pic="跳过", name="匿名"),
        ),
        _d(
            "ask-old-party-member",
            "report",
            "report;keep=卫生室",
            "同志你好 我是个老党员 有个情况要向组织上反映一下",
            (ASKCAT, "{opt:其他}"),
            (TELL, "村卫生室的大夫一个礼拜就开两天门 老人看病得跑到镇上去 村上也不管"),
            *rest(more="就说这么些", pic="没有照片"),
        ),
        _d(
            "ask-tousu-fullwidth",
            "report",
            "report;keep=宅基地",
            "我要投诉村委会",
            (ASKCAT, "{optw:其他}"),
            (TELL, "俺家的宅基地证申请了两年了 每回去村委会都说等等 别人家送了东西就批了"),
            *rest(who="{optw:村干部}", pic="莫有", name="{optw:匿名}", check="{optw:提交}"),
        ),
        _d(
            "ask-shuo-ge-shi",
            "report",
            "report;keep=草山",
            "我要说个事 你们管不管",
            (ASKCAT, "{opt:其他}"),
            (TELL, "村主任把俺们社的草山租给外村人放羊了 租金多少谁也不知道 一分钱没公开过"),
            *rest(more="好了好了"),
        ),
        _d(
            "ask-menu-chinese-numeral",
            "report",
            "report;keep=养老保险",
            "菜单",
            (MENUQ, "{optc:反映}"),
            (ASKCAT, "{optc:资金}"),
            (TELL, "文书给俺们办养老保险的时候每人收了一百块手续费 后来问了镇上说根本不要钱"),
            *rest(who="{optc:村干部}", name="{optc:匿名}", check="{optc:提交}"),
        ),
        _d(
            "ask-menu-ordinal",
            "report",
            "report;keep=分红",
            "主菜单",
            (MENUQ, "{opth:反映}"),
            (ASKCAT, "{opth:资金}"),
            (TELL, "合作社说一年给每户分红五百 这都三年了一毛钱也没见 账也不给看"),
            *rest(pic="没得"),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Misconduct told as a story, in the first message, without asking to report."""
    return [
        _d(
            "story-tuigeng",
            "report",
            "report;anon=1;keep=退耕还林",
            "社长把俺们的退耕还林补助扣了一半 说是啥管理费",
            (OFFER, "对"),
            *rest(more="就这个事"),
        ),
        _d(
            "story-stamp-real-name",
            "report",
            "report;anon=0;keep=盖章",
            "村会计收了俺家二百块钱才给盖章 不给钱就不盖",
            (OFFER, "{opt:开始反映}"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "{opt:实名}"),
            (NAMEGIVE, "韩福贵 13519726633"),
            ("手机号|电话号|请留下|11位|11 位", "13519726633"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "story-dibao-house-car",
            "report",
            "report;cat=优亲厚友|低保;keep=楼房",
            "支书的侄子在县城有楼房有车 还吃着低保哩 俺们庄上真穷的倒没评上",
            (OFFER, "嗯 就是要反映"),
            *rest(),
        ),
        _d(
            "story-work-team-signature",
            "report",
            "report;keep=签到",
            "驻村工作队的人一年就来两趟 签到本上都是别人替他签的",
            (OFFER, "是的"),
            (MORE, "好了"),
            (WHO, "{opt:其他}"),
            (PIC, "没"),
            (NAMEQ, "{opt:匿名}"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "story-weifang-relatives",
            "report",
            "report;keep=危房",
            "危房改造的名额全给了村干部的亲戚 俺家庄廓墙都裂了个大缝子没评上",
            (OFFER, "{opt:开始反映}"),
            (MORE, "还有 他家的房子是前年新盖的"),
            *rest(),
        ),
        _d(
            "story-dead-still-paid",
            "report",
            "report;keep=死了",
            "俺们庄上有个老汉死了三年了 低保钱还有人在领",
            (OFFER, "{opt:开始反映}"),
            *rest(who="{opt:不清楚}"),
        ),
        _d(
            "story-voice-runon",
            "report",
            "report;keep=手续费",
            "我跟你说个事情就是我们村那个文书前年给我们家办那个残疾证的时候收了我们三百块钱说是手续费"
            "后来我问了镇上人家说根本不要钱的这个钱到现在也没退给我们还有好几家都是这样的",
            (OFFER, "对的对的"),
            *rest(more="就这些了没有了"),
        ),
        _d(
            "story-town-dinner",
            "report",
            "report;keep=吃饭",
            "乡上的干部来村里检查 每回吃饭都是村上掏钱 一顿就好几千 钱从哪来的",
            (OFFER, "{opt:开始反映}"),
            *rest(who="{opt:乡镇干部}"),
        ),
        _d(
            "story-fertilizer-emoji",
            "report",
            "report;keep=化肥",
            "社长把发给贫困户的化肥拉到他自家地里了😡😡",
            (OFFER, "开始吧"),
            (OFFER, "{opt:开始反映}"),
            *rest(),
        ),
        _d(
            "story-typo-dibao",
            "report",
            "report;keep=底保",
            "村长他小舅子家底保吃了好几年 人家开着超市哩",
            (OFFER, "{opt:开始反映}"),
            *rest(),
        ),
        _d(
            "story-pick-category",
            "report",
            "report;cat=资金|funds;keep=耕地",
            "耕地地力补贴 村会计说俺家的被别人冒领了 到现在也没给补上",
            (OFFER, "{opt:重选}"),
            (ASKCAT, "{opt:资金}"),
            *rest(),
        ),
    ]


def _keeping() -> list[Dialogue]:
    """§5: 修改 keeps what was said, commands are never content, too-short descriptions, long texts."""
    long_story = (
        "俺是五社的 今年开春村上修水渠 说是上面拨了八十万 干了不到一个月就停了 渠底子都没打水泥 "
        "到了夏天一放水就冲垮了 俺们的麦子都没浇上 去问社长 社长说钱花完了 问钱花哪了他也说不清 "
    ) * 25
    return [
        _d(
            "edit-add-to-story",
            "report",
            "report;keep=低保;keep=孙子",
            "村上的干部把俺家低保停了 说俺家有人在外面上班 其实娃早就回来了",
            (OFFER, "{opt:开始反映}"),
            *rest(check="{opt:修改}"),
            ("经过|内容|描述", "{opt:经过}"),
            ("补充|接着|继续|加上|重写", "还有俺孙子今年也在上学 一年光学费就五千"),
            (MORE, "好了"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "edit-rewrite-story",
            "report",
            "report;keep=光伏;drop=路灯",
            "我要举报村上的账",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村上的路灯钱有问题"),
            *rest(check="{opt:修改}"),
            ("经过|内容|描述", "{opt:经过}"),
            ("重写", "重写"),
            ("说说|讲讲|经过|重新", "是光伏电站的收益 说好给每户分 村上一直说没收上来"),
            (MORE, "好了"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "edit-to-real-name",
            "report",
            "report;anon=0;keep=旱厕",
            "改旱厕的补助 社长一户扣了三百 说是他垫的材料钱",
            (OFFER, "{opt:开始反映}"),
            *rest(check="{opt:修改}"),
            ("身份|实名|匿名", "{opt:匿名}"),
            (NAMEQ, "{opt:实名}"),
            (NAMEGIVE, "祁玉兰 15297123344"),
            ("手机号|电话号|请留下|11位|11 位", "15297123344"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "edit-category",
            "report",
            "report;cat=资金|funds;keep=公益岗",
            "我要反映",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "俺是村上的公益岗 一个月工资八百 村上每个月扣两百 说是上交 也没个条子"),
            *rest(check="{opt:修改}"),
            ("类别|类", "{opt:类别}"),
            (ASKCAT, "{opt:资金}"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "skip-in-description",
            "report",
            "report;drop=跳过;keep=砖",
            "举报",
            (ASKCAT, "{opt:资金}"),
            (TELL, "跳过"),
            (TELL + "|" + EXAMPLE, "村上盖活动室的砖是拆了旧学校的 账上可写的是买新砖花了十几万"),
            *rest(),
        ),
        _d(
            "short-description",
            "report",
            "report;keep=打井",
            "我要检举",
            (ASKCAT, "{opt:资金}"),
            (TELL, "贪"),
            (EXAMPLE + "|" + TELL, "打井的钱 说是打了三口井 其实就打了一口 剩下的钱不知道去哪了"),
            *rest(),
        ),
        _d(
            "done-word-first",
            "report",
            "report;drop=好了;keep=羊圈",
            "我要曝光村里的事",
            (ASKCAT, "{opt:资金}"),
            (TELL, "好了"),
            (TELL + "|" + EXAMPLE, "暖棚羊圈的补助 上面一户给一万 到俺们手里就剩六千"),
            *rest(),
        ),
        _d(
            "long-story",
            "report",
            "report;keep=修水渠",
            "我要反映问题",
            (ASKCAT, "{opt:资金}"),
            (TELL, long_story),
            *rest(more="好了 就这么多"),
        ),
    ]


def _switches() -> list[Dialogue]:
    """A report that is really a hardship, and a hardship that is really a report (§4)."""
    return [
        _d(
            "switch-to-hardship",
            "hardship",
            "hardship;anon=0;keep=瘫",
            "我想反映个事",
            (ASKCAT, "{opt:其他}"),
            (TELL, "俺老汉瘫在炕上三年了 娃们都在外面打工 家里就我一个 低保也没评上 日子难过得很"),
            (MORE, "好了"),
            "改为困难帮扶",
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:残疾}",
                when="三年前",
                people="三口",
                wanted="想吃个低保 老汉要有人照看",
                phone="13709723456",
            ),
        ),
        _d(
            "switch-to-report",
            "report",
            "report;keep=残疾补贴",
            "我想给家里申请个帮扶",
            (HOFFER, "{opt:登记}"),
            (WHOSE, "{opt:自己家}"),
            (HWHAT, "俺老汉的残疾补贴村上扣了两年了 去问就说没下来 别人家的都下来了"),
            "这个是要告村上的 改为反映问题",
            (ASKCAT, "{opt:资金}"),
            *rest(),
        ),
    ]


def _hardships() -> list[Dialogue]:
    """A household's hardship: own or another's, a phone required, never anonymous (§4)."""
    return [
        _d(
            "own-dialysis",
            "hardship",
            "hardship;anon=0;keep=尿毒症",
            "俺男人去年查出来尿毒症 一个礼拜透析三回 家里两个娃还在上学 实在撑不住了",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:大病}",
                when="去年腊月",
                people="四个人",
                wanted="看病的钱报不了多少 想申请个大病救助",
                phone="电话13709720815",
            ),
        ),
        _d(
            "neighbour-old-woman",
            "hardship",
            "hardship;anon=0",
            "隔壁马奶奶一个人过 老汉前年没了 房子漏雨 冬天连煤都没有烧的 你们能不能管一哈",
            (HOFFER, "{opt:登记}"),
            (WHOSE, "{opt:别人家}"),
            ("哪户|叫什么|姓名|称呼|关系", "隔壁邻居 马秀兰 七十八了"),
            (HKIND, "{opt:其他}"),
            (HWHEN, "一直都是 今年冬天更难了"),
            (HPEOPLE, "就她一个"),
            (HHELP, "房子修一哈 冬天给点煤"),
            (HPHONE, "我的电话13897123456 她没有手机"),
            (HCHECK, "{opt:提交}"),
        ),
        _d(
            "menu-category",
            "hardship",
            "hardship;anon=0;keep=冰雹",
            "菜单",
            (MENUQ, "{opt:反映}"),
            (ASKCAT, "{opt:困难}"),
            (WHOSE, "{opt:自己家}"),
            (HWHAT, "前天下冰雹把俺家洋芋全打了 一年白干了 还欠着信用社的贷款"),
            (HKIND, "{opt:灾}"),
            (HWHEN, "前天"),
            (HPEOPLE, "６口人"),
            (HHELP, "贷款能不能缓一缓 再给点救助"),
            (HPHONE, "18997231100"),
            (HCHECK, "{opt:提交}"),
        ),
        _d(
            "phone-refused-then-given",
            "hardship",
            "hardship;anon=0;keep=腰",
            "我在工地上把腰摔坏了 干不成活了 家里五口人就靠我 这两个月一分钱没挣下",
            (HOFFER, "{opt:登记}"),
            (WHOSE, "{opt:自己家}"),
            (HKIND, "{opt:意外}"),
            (HWHEN, "两个月前"),
            (HPEOPLE, "五口"),
            (HHELP, "能找个近处的活 娃的学费能缓一哈"),
            (HPHONE, "电话就不留了吧 怕村上的人知道"),
            (HPHONE, "那行 13997015566"),
            (HCHECK, "{opt:提交}"),
        ),
        _d(
            "wants-anonymous",
            "hardship",
            "hardship;anon=0",
            "家里遇到困难了 想申请返贫监测 能不能匿名",
            (HOFFER, "{opt:登记}"),
            (WHOSE, "{opt:自己家}"),
            (HWHAT, "去年老婆生娃是剖腹产 尕娃又有心脏病 在西宁住了两个月院 借了八万"),
            (HKIND, "{opt:大病}"),
            (HWHEN, "去年十月"),
            (HPEOPLE, "4"),
            (HHELP, "看病报销"),
            (HPHONE, "匿名不行吗"),
            (HPHONE, "好吧 留我的 17709712345"),
            (HCHECK, "{opt:提交}"),
        ),
        _d(
            "phone-refused-quits",
            "hardship",
            "cancel",
            "俺家老人瘫了 娃还小 日子过不下去 想让村上帮帮",
            (HOFFER, "{opt:登记}"),
            (WHOSE, "{opt:自己家}"),
            (HKIND, "{opt:残疾}"),
            (HWHEN, "今年"),
            (HPEOPLE, "三个"),
            (HHELP, "啥帮都行"),
            (HPHONE, "电话不留 算了不弄了"),
        ),
        _d(
            "clerk-for-blind-man",
            "hardship",
            "hardship;anon=0",
            "我是村上的文书 三社有个孤老汉 眼睛看不见了 想替他报个返贫监测",
            (HOFFER, "{opt:登记}"),
            (WHOSE, "{opt:别人家}"),
            ("哪户|叫什么|姓名|称呼|关系", "三社 李占山 七十一岁 我是村文书"),
            (HKIND, "{opt:残疾}"),
            (HWHEN, "今年春上眼睛就不行了"),
            (HPEOPLE, "１"),
            (HHELP, "看能不能给个残疾补贴 找个人照顾"),
            (HPHONE, "他没电话 打我的 15809725678"),
            (HCHECK, "{opt:提交}"),
        ),
        _d(
            "school-costs-several-kinds",
            "hardship",
            "hardship;anon=0;keep=学费",
            "老大考上大学了学费一年八千 老二上高中 娃他爸去年出车祸走了 我一个女人家供不起了",
            (HOFFER, "嗯 登记"),
            (WHOSE, "{opt:自己家}"),
            (HKIND, "{opt:上学} {opt:意外}"),
            (HWHEN, "去年八月"),
            (HPEOPLE, "三口人"),
            (HHELP, "娃上学的钱"),
            (HPHONE, "13519730011"),
            (HCHECK, "{opt:提交}"),
        ),
    ]


def _persons() -> list[Dialogue]:
    """Asking for a person (§1), then the question."""
    return [
        _d(
            "real-person",
            "person",
            "human",
            "能不能给我找个真人 这个机器说不清楚",
            (ASKQ, "俺家的草原补奖今年为啥少了三百块"),
        ),
        _d(
            "typo-rengong",
            "person",
            "human",
            "转人公",
            (ASKQ, "新农合今年交多少钱 啥时候截止"),
        ),
        _d(
            "find-cadre",
            "person",
            "human",
            "我要找干部",
            (ASKQ, "庄廓的确权证啥时候能发下来"),
        ),
        _d(
            "customer-service",
            "person",
            "human",
            "有没有客服啊",
            (ASKQ, "我的社保卡丢了 阿么补办"),
        ),
        _d(
            "after-refusal",
            "person",
            "human",
            "俺家的牦牛跑到别人草场上叫人家扣下了 咋办",
            ("转人工", "转人工"),
            (ASKQ, "俺家的牦牛跑到别人草场上叫人家扣下了 咋要回来"),
        ),
        _d(
            "emoji-rengong",
            "person",
            "human",
            "人工🙏",
            (ASKQ, "残疾人两项补贴 俺家的咋停了"),
        ),
        _d(
            "question-first",
            "person",
            "human",
            "在外地打工 医保在老家 在外面住院能报不",
            "找个人工回答一下",
            (ASKQ, "在外地打工 医保在老家 在外面住院能报不"),
        ),
    ]


def _smalltalk() -> list[Dialogue]:
    """Small talk gets a warm word and the menu, never 回答不了 (§1)."""
    return [
        _d("hello", "smalltalk", "menu", "你好啊"),
        _d("thanks-hard-work", "smalltalk", "menu", "谢谢你们 你们也辛苦了"),
        _d("anyone-there", "smalltalk", "menu", "在不在"),
        _d("got-it", "smalltalk", "menu", "收到了"),
        _d("thumbs", "smalltalk", "menu", "👍👍"),
        _d("ok-understood", "smalltalk", "menu", "好的 知道了"),
    ]


def _navigation() -> list[Dialogue]:
    """Every state's exits (§1, §3)."""
    return [
        _d(
            "cancel-in-description",
            "navigation",
            "cancel",
            "我要反映",
            (ASKCAT, "{opt:资金}"),
            (TELL, "算了 不说了"),
        ),
        _d(
            "back-at-photo",
            "navigation",
            "back",
            "低保评的不公平 社长把他女儿家评上了",
            (OFFER, "{opt:开始反映}"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "上一步"),
        ),
        _d(
            "restart-in-hardship",
            "navigation",
            "menu",
            "家里困难 老人常年吃药 想申请帮扶",
            (HOFFER, "{opt:登记}"),
            (WHOSE, "{opt:自己家}"),
            (HKIND + "|" + HWHEN, "重新开始"),
        ),
        _d(
            "back-from-detail",
            "navigation",
            "back",
            "村里都有啥项目",
            (LIST, "１"),
            ("实施单位|资金", "返回"),
        ),
        _d(
            "help-mid-report",
            "navigation",
            "help",
            "我要举报",
            (ASKCAT, "帮助"),
        ),
        _d(
            "quit-tracking",
            "navigation",
            "cancel",
            "查一下进度",
            (TRACKQ, "退出"),
        ),
        _d(
            "dont-want-at-confirm",
            "navigation",
            "cancel",
            "村会计把俺们的粮食直补扣下了 说是抵了水费",
            (OFFER, "{opt:开始反映}"),
            *rest(check="不要了"),
        ),
        _d("front-page", "navigation", "menu", "首页"),
        _d(
            "main-menu-in-list",
            "navigation",
            "menu",
            "项目公开",
            (LIST, "主菜单"),
        ),
        _d(
            "person-cancel",
            "navigation",
            "cancel",
            "人工",
            (ASKQ, "算了 不转了"),
        ),
    ]


def _projects() -> list[Dialogue]:
    """The village's money and projects: list, detail, paging, a doubt → report (§1, §2)."""
    return [
        _d("our-projects", "projects", "projects", "村上的项目"),
        _d("words-of-choice", "projects", "projects", "菜单", (MENUQ, "项目公开")),
        _d("fullwidth-two", "projects", "projects", "菜单", (MENUQ, "２")),
        _d("where-money-went", "projects", "projects", "看一哈村里的钱都花哪了"),
        _d("collective-income", "projects", "projects", "村集体收入一年有多少 公开过没有"),
        _d("one-is-a-project", "projects", "detail", "村里有啥项目", (LIST, "1")),
        _d("ordinal-seventh", "projects", "detail", "项目公开", (LIST, "第七个")),
        _d(
            "page-both-ways",
            "projects",
            "projects;last=序号",
            "村里的项目都有些啥",
            (LIST, "更多"),
            "上一页",
        ),
        _d(
            "road-doubt-report",
            "projects",
            "report;keep=道路硬化;keep=石子",
            "村里修路花了多少钱",
            ("道路", "{opt:道路}"),
            ("实施单位|资金", "这个路去年就烂了 石子都露出来了 有猫腻"),
            *rest(),
        ),
    ]


def _tracking() -> list[Dialogue]:
    """Case numbers and query codes written every way (§3)."""
    return [
        _d("ask-then-send", "track", "case", "我反映的事办得咋样了", (TRACKQ, "{n} {c}")),
        _d("spaces-fullwidth-code", "track", "case", "{ns}\u3000{cf}"),
        _d("code-first-two-lines", "track", "case", "{c}\n{n}"),
        _d("chinese-punctuation", "track", "case", "编号：{p1}－{p2}－{p3}，查询码：{c}。"),
        _d("no-dashes", "track", "case", "查进度 {nd} {c}"),
        _d("extra-dashes", "track", "case", "{p1}--{p2}-{p3}- {c}"),
        _d("code-forgotten", "track", "notcase", "查询码忘了 编号是{n}"),
        _d("short-number", "track", "notcase", "{p1}-{p2}-12 {c}"),
    ]


def _questions() -> list[Dialogue]:
    """Policy questions are answered; what cannot be helped offers both ways on (§1)."""
    return [
        _d("yulu-plan", "question", "answer", "娃考上大专了 雨露计划咋申请哩"),
        _d("dibao-amount", "question", "answer", "低保一个月能给多少钱"),
        _d("phone-data", "question", "refusal", "手机流量咋买"),
    ]


def blind_c() -> list[Dialogue]:
    """The 80 dialogues of blind set C, all held out."""
    return [
        *_asks(),
        *_stories(),
        *_keeping(),
        *_switches(),
        *_hardships(),
        *_persons(),
        *_smalltalk(),
        *_navigation(),
        *_projects(),
        *_tracking(),
        *_questions(),
    ]
