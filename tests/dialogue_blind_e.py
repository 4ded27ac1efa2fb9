"""Blind dialogue set E (issue #18 §1-§5): 80 conversations written from the issue, README.md, docs/chat.md
and the harness (tests/dialogue_eval.py) alone, without opening the code that answers them (bot/, cases/,
knowledge/, handlers/, villages/) or the other dialogue sets' phrasings, and never run by their writer.

The people are villagers of 海东 (青海) from 乐都, 平安, 民和, 循化 (Salar), 互助 and 化隆, old and young: a
cadre's neighbour, a 护林员, a 公益性岗位 worker who was not paid, a family with a disabled son, a man whose
land was taken for a project, a woman asking for her mother, students typing fast. They write dialect (啥,
咋, 阿么, 娃, 尕娃, 俺, 整, 莫, 些, 一哈), typos and same-sound voice-input errors (反应 for 反映, 人公 for 人工,
底保 for 低保), full-width digits, Chinese numerals, no punctuation, run-on voice stories, emoji, polite and
rude, with thanks and goodbyes in the middle.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
This set is tuned against from its first run. Run by `python -m tests.dialogue_eval --part blind_e`.
"""

from __future__ import annotations

from tests.blind_support import (
    HCHECK,
    HHELP,
    HKIND,
    HPEOPLE,
    HPHONE,
    HWHAT,
    HWHEN,
    LIST,
    MENUQ,
    OFFER,
    TELL,
    TRACKQ,
    WHOSE,
    held_out,
    help_asked,
    rest,
)
from tests.dialogue_corpus import Dialogue

# This set's own cues.
ASKCAT = "哪一类|哪类|哪方面|哪种问题|选择类别|选类别|什么类别|哪个类别"
HOFFER = "登记困难|在这里登记|防止返贫|要不要登记|登记"
ASKQ = "一条消息|想问什么|什么事|想办|说说"

_d = held_out("be")


def _asks() -> list[Dialogue]:
    """Asking to report in many wordings (18), then the category and the story when asked."""
    return [
        _d(
            "ask-ledu-old-man",
            "report",
            "report;anon=1;keep=侄子;cat=优亲厚友",
            "同志 俺要反映个事情",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "俺们社长把他侄子家评成低保户了 人家在西宁买的楼房 开的小车"),
            *rest(more="就这些了"),
        ),
        _d(
            "ask-typo-jubao",
            "report",
            "report;keep=光伏",
            "我要举抱",
            (ASKCAT, "{optw:资金}"),
            (TELL, "村上光伏电站的收益分红 说是每户每年五百 三年了一分也没见着"),
            *rest(more="完了", pic="没得照片"),
        ),
        _d(
            "ask-fanying-homophone",
            "report",
            "report;keep=养殖",
            "平安的 有个问题想反应一下",
            (ASKCAT, "{opt:资金}"),
            (TELL, "产业扶持的养殖补助 村上给了书记的表弟五万 他家一头牛都没有"),
            *rest(more="说完了"),
        ),
        _d(
            "ask-amo-gao",
            "report",
            "report;keep=草场",
            "阿么告村长哩 他把俺家的草场补助领走了",
            (OFFER, "1"),
            (ASKCAT, "{opt:资金}"),
            (TELL, "俺家的草场补助 村长拿着俺家的一卡通领走了 三年了"),
            *rest(),
        ),
        _d(
            "ask-salar-simple",
            "report",
            "report;keep=路灯",
            "我 反映 村里的事 可以吗",
            (ASKCAT, "{opt:其他}"),
            (TELL, "清真寺旁边的太阳能路灯 牌子上写装了二十个 实际只有八个 还有三个不亮"),
            *rest(more="没了", name="匿名的"),
        ),
        _d(
            "ask-student-fast",
            "report",
            "report;anon=1;keep=助学金",
            "咋举报啊在线等挺急的",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "我们村的助学金名额村里报的全是干部家的娃我家建档立卡的反而没有"),
            *rest(more="完了", pic="没得", name="{optw:匿名}", check="提交吧"),
        ),
        _d(
            "ask-rude-tousu",
            "report",
            "report;keep=残疾证",
            "你们到底管不管！！！我要投诉",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "去镇上给娃办残疾证 办事的那个人说要请他吃顿饭才给办 跑了四趟了"),
            *rest(more="就这么个事", who="{opt:乡镇干部}"),
        ),
        _d(
            "ask-cadre-neighbour",
            "report",
            "report;anon=1;keep=水泥",
            "我是书记家隔壁的 有些事实在看不下去了 想检举一哈",
            (ASKCAT, "{opt:资金}"),
            (TELL, "书记家新盖的二层楼 用的是村上危房改造拉来的砖和水泥 我天天看着一车一车拉进他家院子"),
            *rest(more="就这么些", pic="不敢拍", name="匿名 千万莫说是我"),
        ),
        _d(
            "ask-puguang",
            "report",
            "report;keep=合作社",
            "我要曝光我们村的合作社",
            (ASKCAT, "{opth:其他}"),
            (TELL, "合作社的钱都让理事长一家花了 账本谁都不让看 社员年底一分红利都没有"),
            *rest(),
        ),
        _d(
            "ask-shuo-ge-shi",
            "report",
            "report;keep=危房",
            "我给你们说个事",
            (ASKCAT, "一"),
            (TELL, "村会计说交三百块钱手续费才给报危房改造 俺们好几家都交了 也没有收据"),
            *rest(more="好的 说完了"),
        ),
        _d(
            "ask-realname",
            "report",
            "report;anon=0;keep=监测户",
            "我要实名举报 不怕",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "我们村的防返贫监测户 村主任把他丈母娘家报上去了 真正困难的马家没报"),
            *rest(name="{opt:实名}", give="马小军 13897001234"),
        ),
        _d(
            "ask-voice-runon",
            "report",
            "report;keep=低保",
            "喂喂能听见吗我想反映一个问题就是我们村上的那个事情你们能不能管一下",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "就是那个底保的事情我们村主任他把他媳妇的娘家人都弄成底保了我们隔壁那个瘫子老汉反而没有"),
            *rest(more="对 就这些"),
        ),
        _d(
            "ask-fullwidth-menu",
            "report",
            "report;keep=蓄水池;cat=项目",
            "３",
            (ASKCAT, "{optw:项目}"),
            (TELL, "村里的蓄水池去年修的 今年开春就漏水了 根本存不住水 验收的时候也没人来看"),
            *rest(),
        ),
        _d(
            "ask-chinese-numerals",
            "report",
            "report;anon=1;keep=慰问金",
            "想举报",
            (ASKCAT, "{optc:资金}"),
            (TELL, "过年的慰问金 上面发给五保户每人五百 村上只给了二百"),
            *rest(who="{optc:村干部}", name="{optc:匿名}", check="{optc:提交}"),
        ),
        _d(
            "ask-ordinals",
            "report",
            "report;anon=1;keep=搬迁",
            "我们要告村干部 咋弄",
            (ASKCAT, "{opth:优亲厚友}"),
            (TELL, "易地搬迁的房子 分的时候好的都给了干部亲戚 俺们分到最背的"),
            *rest(who="{opth:村干部}", name="{opth:匿名}", check="{opth:提交}"),
        ),
        _d(
            "ask-emoji-angry",
            "report",
            "report;keep=垃圾",
            "😡😡😡 投诉",
            (ASKCAT, "{opt:其他}"),
            (TELL, "村里雇的保洁员是主任的媳妇 一个月领一千五 垃圾堆了一个月没人拉"),
            *rest(),
        ),
        _d(
            "ask-gongyi-unpaid",
            "report",
            "report;keep=公益性岗位",
            "反映个情况 关于工资的",
            (ASKCAT, "{opt:资金}"),
            (TELL, "我在村上干公益性岗位 扫马路 半年的工资一分没给 问了说上面没拨下来 别的村都发了"),
            *rest(more="没有了", who="{opt:不清楚}"),
        ),
        _d(
            "ask-thanks-midway",
            "report",
            "report;keep=化肥",
            "我要反映问题",
            (ASKCAT, "{opt:资金}"),
            (TELL, "上面免费发的化肥 村上卖给我们一袋八十块"),
            *rest(more="好了 谢谢你啊", pic="没有 谢谢", check="提交 辛苦了"),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Misconduct told as a story (16): the offer to report is taken up in the villager's words."""
    return [
        _d(
            "story-dibao-inlaw",
            "report",
            "report;keep=亲家;cat=优亲厚友",
            "社长把他亲家评上低保了 他家开着大车跑运输呢",
            (OFFER, "1"),
            *rest(),
        ),
        _d(
            "story-land-taken",
            "report",
            "report;keep=补偿款",
            "修高速把俺家三亩地占了 补偿款村上说早发了 俺一分没拿到 会计说钱在村账上 问他要他就躲",
            (OFFER, "对 就是要反映这个"),
            *rest(more="就这个事"),
        ),
        _d(
            "story-forest-ranger",
            "report",
            "report;anon=1;keep=护林员",
            "我是护林员 村主任每个月从我工资里扣三百 说是给他的辛苦费",
            (OFFER, "是的"),
            *rest(more="说完了", pic="没有证据"),
        ),
        _d(
            "story-voice-runon",
            "report",
            "report;keep=养殖场",
            "那个我跟你说一下我们村的书记他把上面拨下来的那个产业扶持的钱给他自己家的养殖场用了村里人都知道但是没人敢说",
            (OFFER, "嗯嗯"),
            *rest(more="就这个"),
        ),
        _d(
            "story-wubao",
            "report",
            "report;keep=五保",
            "村长把五保户老汉的钱领了自己花了 老汉都不知道有这个钱",
            (OFFER, "１"),
            *rest(),
        ),
        _d(
            "story-minhe-water",
            "report",
            "report;keep=自来水",
            "民和这边 我们村的自来水入户工程 账上写着每户都通了 其实一半人家还在挑水 钱叫包工头和村干部分了",
            (OFFER, "开始反映"),
            *rest(),
        ),
        _d(
            "story-daughter-gongyi",
            "report",
            "report;keep=女子",
            "支书的女子啥活都不干 在村上领着公益岗的工资 人家在城里上班呢",
            (OFFER, "1"),
            *rest(more="莫了"),
        ),
        _d(
            "story-pick-category",
            "report",
            "report;keep=假账;cat=资金|funds",
            "村会计做假账 把修水渠的钱多报了两万",
            (OFFER, "{opt:重选}"),
            (ASKCAT, "{opt:资金}"),
            *rest(),
        ),
        _d(
            "story-rude-leaking-roof",
            "report",
            "report;anon=1;keep=危房改造款",
            "你们这些当官的都一样 俺村书记拿了俺家的危房改造款两万块 到现在房子还漏雨",
            (OFFER, "对"),
            *rest(more="没了", name="匿名"),
        ),
        _d(
            "story-hualong-bribe",
            "report",
            "report;keep=五百",
            "化隆这边办个低保要给村干部送五百块 不送就不给评",
            (OFFER, "是 反映"),
            *rest(),
        ),
        _d(
            "story-subsidy-cut",
            "report",
            "report;keep=地力补贴",
            "今年的耕地地力补贴 村上说统一扣了一半交电费 哪有这个道理",
            (OFFER, "1"),
            *rest(more="就这些"),
        ),
        _d(
            "story-resident-cadre",
            "report",
            "report;keep=驻村",
            "驻村干部一个月来一两天 签个到就走 扶贫的事啥也不管 还报着下乡补助",
            (OFFER, "好的 反映吧"),
            *rest(who="{opt:其他}"),
        ),
        _d(
            "story-student-for-parents",
            "report",
            "report;keep=拆迁",
            "帮我爸妈问一下 村里拆迁的时候 村主任给他亲戚多算了两间房的钱 我们家的少算了一间",
            (OFFER, "嗯"),
            *rest(more="ok了"),
        ),
        _d(
            "story-fullwidth-money",
            "report",
            "report;keep=集资",
            "组长收了我们每户２００块说是修路集资 收了一年了 路到现在没修",
            (OFFER, "1"),
            *rest(),
        ),
        _d(
            "story-emoji-sheep",
            "report",
            "report;keep=扶贫羊",
            "😠村委会把发给贫困户的扶贫羊卖了 钱不知道去哪了",
            (OFFER, "是的是的"),
            *rest(),
        ),
        _d(
            "story-mother-in-law-realname",
            "report",
            "report;anon=0;keep=高龄补贴",
            "俺婆婆的高龄补贴被村文书领走了 说替她保管 一年多了也不给",
            (OFFER, "对着哩"),
            *rest(name="{opt:实名}", give="韩桂英 13909721234"),
        ),
    ]


def _hardships() -> list[Dialogue]:
    """A household's hardship (10): the offer to register, then the script's questions as asked."""
    return [
        _d(
            "hard-disabled-son",
            "hardship",
            "hardship;anon=0;keep=残疾",
            "俺家儿子是残疾 二级的 俺两口子都六十多了 种不动地了 娃以后咋办呀",
            (HOFFER, "1"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:残疾}",
                when="好多年了 生下来就是",
                people="三口",
                wanted="想给娃办个护理补贴 给俺们找点轻省活",
                phone="13709721234",
            ),
        ),
        _d(
            "hard-mother-fell",
            "hardship",
            "hardship;anon=0",
            "我妈一个人在乐都老家 前些天摔了一跤股骨头断了 手术要好几万 她没有钱",
            (HOFFER, "要登记"),
            *help_asked(
                whose="是我妈家 我替她登记",
                kind="{opt:意外}",
                when="上个礼拜",
                people="就她一个人",
                wanted="看病报销 临时救助",
                phone="我的电话 13519711234",
            ),
        ),
        _d(
            "hard-hail",
            "hardship",
            "hardship;anon=0",
            "昨天下冰雹 俺家的洋芋全打没了 一年白干了",
            (HOFFER, "登记"),
            *help_asked(
                whose="自己家",
                kind="{opt:自然灾害}",
                when="昨天下午",
                people="五口人",
                wanted="救灾补助 明年的种子",
                phone="15897123456",
            ),
        ),
        _d(
            "hard-job-loss",
            "hardship",
            "hardship;anon=0",
            "我在外面打工的厂子倒闭了 工资也没结 家里还有两个娃上学 房贷也还不上了",
            (HOFFER, "1"),
            *help_asked(
                whose="1",
                kind="{opt:失业}",
                when="两个月前",
                people="4",
                wanted="想找个工作 娃上学能有点补助",
                phone="18797129876",
            ),
        ),
        _d(
            "hard-school-fees",
            "hardship",
            "hardship;anon=0",
            "娃考上大学了 学费一年六千多 家里实在拿不出来 他爸常年有病",
            (HOFFER, "好"),
            *help_asked(
                whose="我自己家",
                kind="{opt:上学}",
                when="今年八月",
                people="四口",
                wanted="孩子上学资助",
                phone="13997120001",
            ),
        ),
        _d(
            "hard-neighbour-elder",
            "hardship",
            "hardship;anon=0",
            "我们社上有个老汉 七十多了 一个人过 房子塌了半边 冬天咋过呀",
            (HOFFER, "1"),
            *help_asked(
                whose="{opt:别人家}",
                kind="{opt:其他}",
                when="今年秋天下雨塌的",
                people="一个",
                wanted="修房子 冬天的煤",
                phone="老汉没有手机 留我的 18997123456",
            ),
        ),
        _d(
            "hard-dialysis-runon",
            "hardship",
            "hardship;anon=0;keep=透析",
            "我老婆查出来尿毒症了每个礼拜都要透析钱花光了还借了亲戚好多实在没办法了",
            (HOFFER, "嗯 登记"),
            *help_asked(
                whose="自家",
                kind="{opt:大病}",
                when="去年腊月",
                people="三口人",
                wanted="看病报销能多报点",
                phone="13709720202",
            ),
        ),
        _d(
            "hard-fire-fullwidth",
            "hardship",
            "hardship;anon=0",
            "家里着火了 烧了两间房 被褥粮食啥都没了",
            (HOFFER, "１"),
            *help_asked(
                whose="１",
                kind="{optw:意外}",
                when="前天晚上",
                people="６口",
                wanted="临时救助 先有个住的地方",
                phone="１３８９７１２３４５６",
            ),
        ),
        _d(
            "hard-phone-reluctant",
            "hardship",
            "hardship;anon=0",
            "俺男人病了干不了活 家里想申请那个监测户",
            (HOFFER, "1"),
            (WHOSE, "我自己家"),
            (HKIND, "{opt:大病}"),
            (HWHEN, "今年三月"),
            (HPEOPLE, "五口"),
            (HHELP, "看病 找点活干"),
            (HPHONE, "电话能不能不留"),
            (HPHONE, "那好吧 13649721122"),
            (HCHECK, "{opt:提交}"),
        ),
        _d(
            "hard-via-report-category",
            "hardship",
            "hardship;anon=0",
            "我要反映个事",
            (ASKCAT, "{opt:困难}"),
            (HOFFER, "1"),
            (TELL + "|" + HWHAT, "俺爹得了脑梗 瘫在炕上了 家里没人挣钱了"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:大病}",
                when="上个月",
                people="六口",
                wanted="看病报销 低保",
                phone="13897128888",
            ),
        ),
    ]


def _persons() -> list[Dialogue]:
    """Asking for a person (8), and the question they want answered."""
    return [
        _d("rengong-typo", "person", "person", "人公", (ASKQ, "俺家的草原补奖今年咋少了一半")),
        _d("find-cadre", "person", "person", "我要找干部说话", (ASKQ, "我们社的饮水管子冻裂了 一个月没水了")),
        _d(
            "real-person",
            "person",
            "person",
            "你是机器人吧 我要跟真人说",
            (ASKQ, "我家老二的户口迁回来 村上说要开证明 开啥证明"),
        ),
        _d("kefu-twice", "person", "person", "客服 客服", (ASKQ, "宅基地上盖房子要批吗")),
        _d(
            "after-question",
            "person",
            "human",
            "宅基地证咋办",
            "转人工",
            (ASKQ, "俺家老房子要翻修 宅基地证一直没有 咋办"),
        ),
        _d(
            "old-man-polite",
            "person",
            "person",
            "麻烦帮我找个工作人员 我眼睛不好 不会打字",
            (ASKQ, "养老金这个月咋还没到账"),
        ),
        _d("call-the-leader", "person", "person", "叫你们领导来", (ASKQ, "俺的危房改造申请交上去一年了没消息")),
        _d(
            "callback-with-question",
            "person",
            "human",
            "能让乡上的干部给我打个电话吗 我家的事说不清楚",
            (ASKQ, "我家的危房改造申请交上去一年了 啥消息也没有"),
        ),
    ]


def _projects() -> list[Dialogue]:
    """The village's own money (8): the projects, a project's details, a doubt about one."""
    return [
        _d("road-money", "projects", "projects", "村上修路花了多少钱"),
        _d("list-digit", "projects", "detail", "项目公开", (LIST, "1")),
        _d("list-fullwidth", "projects", "detail", "看看村里的项目", (LIST, "３")),
        _d("menu-then-words", "projects", "projects", "菜单", (MENUQ, "{optc:项目}")),
        _d("more-then-pick", "projects", "detail", "村里今年搞了些啥项目", (LIST, "更多"), (LIST, "第2个")),
        _d("collective-income", "projects", "projects", "俺们村集体经济一年收入多少 钱咋分的"),
        _d(
            "road-doubt",
            "projects",
            "report;keep=塌",
            "村上的路是哪年修的 花了多少",
            ("道路", "{opt:道路}"),
            ("实施单位|资金", "这条路质量太差了 有的地方已经塌了 有猫腻"),
            *rest(),
        ),
        _d("subsidy-look", "projects", "projects", "补助发了多少钱 能不能看一哈"),
    ]


def _tracking() -> list[Dialogue]:
    """Looking up a case by number and code (6)."""
    return [
        _d("chinese-comma", "track", "case", "查一下 编号{n}、查询码{c}"),
        _d("fullwidth-parts", "track", "case", "案子进度 {p1f}-{p2f}-{p3f} 码{cf}"),
        _d("ask-then-code-first", "track", "case", "我上回反映的事咋样了", (TRACKQ, "{c}\n{n}")),
        _d("code-in-groups", "track", "case", "{n} 查询码{cs}"),
        _d("long-third-part", "track", "notcase", "{p1}-{p2}-1234567 {c}"),
        _d("number-then-code", "track", "case", "{n}", ("查询码", "{c}")),
    ]


def _smalltalk() -> list[Dialogue]:
    """Greetings, thanks and goodbyes (8): a warm word and the menu."""
    return [
        _d("hello", "smalltalk", "menu", "你好呀"),
        _d("teacher-emoji", "smalltalk", "menu", "老师好😊"),
        _d("thanks-hard-work", "smalltalk", "menu", "谢谢你们 辛苦了🙏"),
        _d("there", "smalltalk", "menu", "在不在啊"),
        _d("got-it", "smalltalk", "menu", "嗯嗯 知道了"),
        _d("bye", "smalltalk", "menu", "好的好的 再见"),
        _d("thanks-after-answer", "smalltalk", "menu", "低保一个月给多少钱", "明白了 谢谢"),
        _d("ok-emoji", "smalltalk", "menu", "收到👌"),
    ]


def _navigation() -> list[Dialogue]:
    """Getting out of every state (6)."""
    return [
        _d(
            "report-never-mind",
            "navigation",
            "cancel",
            "我要举报",
            (ASKCAT, "{opt:资金}"),
            (TELL, "算了 不要了"),
        ),
        _d(
            "hardship-step-back",
            "navigation",
            "back",
            "家里老人得了癌症 花了好多钱 日子过不下去了",
            (HOFFER, "1"),
            (WHOSE, "上一步"),
        ),
        _d("projects-back", "navigation", "back", "项目公开", (LIST, "返回")),
        _d("person-quit", "navigation", "cancel", "人工", (ASKQ, "不用了 退出")),
        _d("how-to-use", "navigation", "help", "这个咋用呀 帮助"),
        _d("tracking-home", "navigation", "menu", "查进度", (TRACKQ, "首页")),
    ]


def blind_e() -> list[Dialogue]:
    """The 80 dialogues of blind set E."""
    return [
        *_asks(),
        *_stories(),
        *_hardships(),
        *_persons(),
        *_projects(),
        *_tracking(),
        *_smalltalk(),
        *_navigation(),
    ]
