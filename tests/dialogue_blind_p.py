"""Blind dialogue set P (issue #18 §1-§5): 80 conversations written by helper "pwrite" on 2026-12-07
(about 09:18-09:22 UTC) from the issue, README.md, docs/chat.md and the harness (tests/dialogue_eval.py,
tests/dialogue_corpus.py, tests/blind_support.py, the first 60 lines of tests/dialogue_blind_n.py for the
format) alone, without opening the code that answers them (bot/, cases/, knowledge/, handlers/, villages/,
wechat/, storage/) or the other blind sets' phrasings, and never run by its writer.

The people are villagers of 海东 (青海) unlike those of the earlier sets: a 互助 土族 woman embroidering 盘绣 in
a cooperative (阿姐们, 绣娘), a 平安 greenhouse farmer who writes everything as a numbered list (1.… 2.…), a
middle-aged man who types everything in one huge message without punctuation, a 公益岗 cleaner afraid of losing
the post, a retired 村干部 reporting his successor under his own name, a woman who mixes 普通话 and 青海话 with
many 呀 啦 嘛, a father on a building site in 西藏 asking for his family at home, a blind villager on a screen
reader who writes precise full sentences with full punctuation, a 驻村工作队 member trying the chat's paths,
and a young man who writes pinyin and abbreviations (zf, cunzhang, dibao, qinqi, haole, 3q). They write dialect
(啥, 咋, 阿么, 娃, 俺, 莫, 些, 一哈, 尕, 哩, 麻达), typos and same-sound slips, full-width digits, Chinese
numerals and emoji, answer steps in their own words (sometimes with more or less than asked), change their
mind, leave mid-way and ask about safety.
The expected outcomes are what such a villager would rightly expect from the issue, not guesses at the code.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
Run by `python -m tests.dialogue_eval --part blind_p`.
"""

from __future__ import annotations

from tests.blind_support import (
    ASKCAT,
    ASKQ,
    CHECK,
    HCHECK,
    HHELP,
    HKIND,
    HOFFER,
    HPEOPLE,
    HPHONE,
    HWHAT,
    HWHEN,
    LIST,
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

_d = held_out("bp")
# The menu of what to change, after 修改 at the confirmation.
EDIT = "哪一项|哪项|改哪|修改哪|要改"
# The step that takes more words for the description after 事情经过 was chosen to change.
ADDTO = "补充|加上|添加|接着|重写|追加"
# The offer to switch a report that is really a household's trouble to the hardship path.
SWITCH = "登记困难|防止返贫|困难帮扶|帮扶申请|改为"


def _asks() -> list[Dialogue]:
    """Report by asking first, in each voice's own words, then answering each step as asked."""
    return [
        _d(
            "embroidery-coop-pay",
            "report",
            "report;anon=1;keep=盘绣",
            "阿姐们叫我来反映一下我们合作社的事",
            (ASKCAT, "{opt:资金}"),
            (
                TELL,
                "合作社接的盘绣订单钱 理事长就是我们村的支书 说给每个绣娘发八百 到手才三百 剩下的说存着哩 账也不给看",
            ),
            *rest(more="就这些了阿姐", who="村上的干部", pic="订单的单子在理事长手里 我这里莫有"),
        ),
        _d(
            "greenhouse-list-report",
            "report",
            "report;anon=1;keep=温棚",
            "1.我要反映问题\n2.是温棚补贴的事\n3.名字不想留",
            (ASKCAT, "{opt:资金}"),
            (TELL, "1.去年村上给乡上报了二十座温棚\n2.实际盖起来的就十二座\n3.剩下八座的钱不知道去哪了"),
            *rest(more="1.就这些", who="1.村干部", pic="2.没有照片", name="匿名", check="1 提交"),
        ),
        _d(
            "runon-grassland-cut",
            "report",
            "report;anon=1;keep=草原补奖",
            "你好我是下庄的我要举报我们村的会计他把去年发的草原补奖每户扣了两百说是交啥合作医疗其实医疗"
            "早就交过了我们好几家都叫扣了我手里没有照片名字也不想留你们给查一哈",
            (OFFER, "{opt:开始反映}"),
            *rest(more="就这么个事情我说完了", pic="没有", name="匿名"),
        ),
        _d(
            "cleaner-fee",
            "report",
            "report;anon=1;keep=管理费",
            "我要告状",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "公益岗的工资一个月八百 社长叫每个人给他交一百的管理费 不交明年就不叫干了"),
            *rest(more="没了", pic="钱是给的现金 没有凭据", name="{opt:匿名}", check="提交"),
        ),
        _d(
            "old-cadre-real-name",
            "report",
            "report;anon=0;keep=连襟",
            "我退下来好几年了 现在要实名举报现任的书记",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "今年评低保 现任书记把两个名额给了他的两个连襟 村民代表会也没开 直接报到乡上去了"),
            *rest(
                more="就这么个情况",
                pic="没有照片 名单在乡上能查到",
                name="{opt:实名}",
                give="马福山 13900001234",
            ),
        ),
        _d(
            "ya-two-cartons",
            "report",
            "report;anon=1;keep=两条烟",
            "哎呀我要反映个事情啦",
            (ASKCAT, "{optc:吃拿卡要}"),
            (TELL, "村上开个证明嘛 文书要两条烟呀 不给就不盖章啦 我们家没给嘛 到现在都没开上"),
            *rest(more="就这些啦", who="村上的嘛", pic="没有呀", name="匿名嘛", check="提交啦"),
        ),
        _d(
            "tibet-housing-money",
            "report",
            "report;anon=1;keep=危房改造",
            "我在西藏工地上干活 想反映一下我们村上的事",
            (ASKCAT, "{opt:资金}"),
            (TELL, "家里媳妇说村上发的危房改造款 说好的三万 到手一万五 村长说剩下的给垫了材料钱 材料一块砖都没见着"),
            *rest(
                more="我知道的就这些 家里人也是这么说的",
                pic="我人不在家 拍不了",
                name="{opt:匿名}",
            ),
        ),
        _d(
            "screen-reader-two-subsidies",
            "report",
            "report;anon=1;keep=两项补贴",
            "您好。我是视力残疾人，用读屏软件操作。我要举报。",
            (ASKCAT, "{opt:政策}"),
            (
                TELL,
                "我的残疾人两项补贴已经有六个月没有到账。村民小组长说名单已经报上去了，乡里的工作人员却说名单上没有我的名字。",
            ),
            *rest(more="以上就是全部内容。", pic="没有照片。", name="{opt:匿名}", check="{opt:提交}"),
        ),
        _d(
            "team-water-pipes",
            "report",
            "report;cat=项目|质量;keep=冻裂",
            "帮群众反映个问题",
            (ASKCAT, "{opt:项目}"),
            (TELL, "村里的饮水管子埋得太浅 去年冬天冻裂了三处 施工队到现在一直没来修 群众吃水靠三轮车拉"),
            *rest(more="好了", who="{opt:不清楚}", pic="跳过"),
        ),
        _d(
            "pinyin-fee",
            "report",
            "report;anon=1;keep=dbh",
            "wo yao jubao cunzhang",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "cunzhang收了每家200块 说是办dbh的手续费 zf要的 其实zf根本不收这个钱"),
            *rest(more="haole", pic="meiyou", check="ok 提交"),
        ),
        _d(
            "embroidery-edit-add",
            "report",
            "report;keep=拖了半年;keep=买车",
            "我想反映呀",
            (ASKCAT, "{opt:资金}"),
            (TELL, "合作社绣娘们的工钱拖了半年没给 问了几回理事长都说上面的钱没下来"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "{opt:匿名}"),
            (CHECK, "{opt:修改}"),
            (EDIT, "{opt:经过}"),
            (ADDTO, "还有一个 听阿姐们说那个钱叫理事长拿去买车了"),
            (MORE, "好了"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "ya-wrong-pick-back",
            "report",
            "report;cat=优亲厚友|评定不公;keep=小姨子",
            "我要投诉呀",
            (ASKCAT, "二"),
            (TELL, "哎呀选错了嘛 返回"),
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "我们社长把他小姨子弄成了监测户嘛 人家在县上开着饭馆呀 我们家老人病着啦反而没有"),
            *rest(more="就这些嘛", pic="没有呀", name="匿名"),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Misconduct told first as a story, offered as a report and taken up."""
    return [
        _d(
            "embroidery-fund-to-son",
            "story",
            "report;anon=1;keep=五十万",
            "我们村上的合作社 上面拨了五十万扶持资金 支书拿去给他儿子的养殖场用了 绣娘们一分钱没见着",
            (OFFER, "对着呢 1"),
            *rest(more="没有了阿姐", pic="没有"),
        ),
        _d(
            "greenhouse-list-story",
            "story",
            "report;anon=1;keep=村集体的扶贫资金",
            "1.书记家的三座温棚是去年新盖的\n2.用的是村集体的扶贫资金\n3.我们其他人申请都说没钱了",
            (OFFER, "1"),
            *rest(more="说完了", pic="没有", name="2.匿名"),
        ),
        _d(
            "runon-square",
            "story",
            "report;cat=项目|质量;keep=文化广场",
            "那个同志你好我跟你说一下啊我们村的那个文化广场去年秋天才修好的现在地砖全翘起来了下雨天积水半尺深"
            "听说花了一百二十万包工头是镇上领导的亲戚验收的时候就来了一个人转了一圈就签字了大家都有意见又不敢说",
            (OFFER, "{opt:开始反映}"),
            *rest(more="我就说这么多", who="{opt:乡镇}", pic="没拍 你们去看一下就知道了"),
        ),
        _d(
            "cleaner-hundred",
            "story",
            "report;anon=1;keep=一百块",
            "我们几个公益岗的 组长叫每个月给他交一百块 不交就换人",
            (OFFER, "1"),
            *rest(more="没别的了", pic="没有", name="名字千万不要留 匿名"),
        ),
        _d(
            "old-cadre-land",
            "story",
            "report;anon=0;keep=机动地",
            "新上来的村主任把村里的机动地包给他小舅子了 一亩才五十块 外村人出三百都不给",
            (OFFER, "{opt:开始反映}"),
            *rest(more="就这些", pic="合同在村委会 你们去调", name="{opt:实名}", give="韩永福 13800002345"),
        ),
        _d(
            "ya-pension",
            "story",
            "report;anon=1;keep=养老金",
            "哎呀我们村的那个会计嘛 把我阿妈的养老金领走了呀 领了两年啦 我阿妈都不知道嘛",
            (OFFER, "要呢要呢"),
            *rest(more="没有啦", pic="存折上能看出来嘛 现在没拍", name="匿名嘛"),
        ),
        _d(
            "pinyin-relative",
            "story",
            "report;anon=1;keep=qinqi",
            "cunzhang把我家的低保给他qinqi了 问了zf的人也不管",
            (OFFER, "1"),
            *rest(more="haole", pic="meiyou", check="1"),
        ),
        _d(
            "screen-reader-cousin",
            "story",
            "report;anon=1;keep=堂弟",
            "我要反映一个情况：本村党支部书记在今年的危房改造评定中，把名额给了自己的堂弟，而他堂弟家是去年新盖的砖房。",
            (OFFER, "{opt:开始反映}"),
            *rest(more="我已说完。", pic="没有照片。", name="{opt:匿名}"),
        ),
    ]


def _persons() -> list[Dialogue]:
    """Asking for a person, then the question, in each voice."""
    return [
        _d(
            "tibet-cadre",
            "person",
            "human",
            "我在西藏打工 能不能找个村上的干部跟我说说",
            (ASKQ, "俺家的低保今年要重新评 我人不在家 能不能叫我媳妇去办"),
        ),
        _d(
            "screen-reader-person",
            "person",
            "person",
            "请转人工服务。",
            (ASKQ, "我想咨询：视力残疾人办理残疾人证，需要本人到县医院鉴定吗？"),
        ),
        _d(
            "cleaner-real-person",
            "person",
            "person",
            "能不能跟真人说 机器我说不清楚",
            (ASKQ, "我是公益岗打扫卫生的 明年还能不能接着干 谁说了算"),
        ),
        _d(
            "ya-person",
            "person",
            "person",
            "哎呀有没有人工嘛 我要跟人说话呀",
            (ASKQ, "我家娃娃的医保交上了没有啊 咋查嘛"),
        ),
        _d(
            "pinyin-rengong",
            "person",
            "person",
            "zhuan rengong 谢了",
            (ASKQ, "我家的临时救助申请了两个月了还没批 找谁问"),
        ),
        _d(
            "old-cadre-town",
            "person",
            "human",
            "叫乡上管民政的干部给我回个电话",
            (ASKQ, "村里老人的高龄补贴今年咋停了三个月"),
        ),
        _d(
            "embroidery-person",
            "person",
            "human",
            "我想找个人问一下 有没有负责的干部",
            (ASKQ, "我们盘绣合作社想申请产业扶持资金 要找哪个部门 要准备啥材料"),
        ),
    ]


def _navigation() -> list[Dialogue]:
    """Leaving, going back and getting help from inside the states."""
    return [
        _d("team-restart", "navigation", "menu", "3", (ASKCAT, "2"), (TELL, "重新开始")),
        _d("team-digit-leaves-tracking", "navigation", "projects", "查进度", (TRACKQ, "2")),
        _d("team-help", "navigation", "help", "帮助"),
        _d(
            "ya-give-up",
            "navigation",
            "cancel",
            "我要反映啦",
            (ASKCAT, "{opt:资金}"),
            (TELL, "哎呀算了嘛 不弄了"),
        ),
        _d("screen-reader-step-back", "navigation", "back", "3", (ASKCAT, "1"), (TELL, "上一步。")),
        _d("tibet-not-now", "navigation", "cancel", "人工", (ASKQ, "算了 不转了 下回再说")),
        _d("pinyin-project-back", "navigation", "back", "2", (LIST, "1"), "返回"),
        _d(
            "cleaner-hardship-leave",
            "navigation",
            "cancel",
            "我老汉病倒了 家里日子不好过",
            (HOFFER, "{opt:登记}"),
            (WHOSE, "{opt:自己家}"),
            "不弄了 我先去村上问问再说",
        ),
    ]


def _projects() -> list[Dialogue]:
    """The village's own money and projects, asked in each voice."""
    return [
        _d("greenhouse-list-projects", "projects", "projects", "1.看看村里的项目\n2.温棚项目花了多少钱"),
        _d("embroidery-money-where", "projects", "projects", "我们村今年的钱都花到哪里去了呀"),
        _d("team-paging", "projects", "projects", "2", "更多", "上一页"),
        _d("screen-reader-detail", "projects", "detail", "请列出本村公开的项目和资金。", (LIST, "1")),
        _d("old-cadre-road-money", "projects", "projects", "村上修的那个路到底花了多少钱 账公开了没有"),
        _d("pinyin-projects", "projects", "projects", "看下村里的项目 zf拨了多少钱"),
        _d("tibet-bridge-money", "projects", "projects", "村里修桥修路的钱是哪里来的 花了多少 我想看看"),
        _d("ya-first-project", "projects", "detail", "村里的项目公开给我看一哈嘛", (LIST, "第一个呀")),
    ]


def _tracks() -> list[Dialogue]:
    """Looking up a case by number and query code, written in each voice's way."""
    return [
        _d("screen-reader-track", "track", "case", "案件编号：{n}；查询码：{c}。"),
        _d("team-track-reversed", "track", "case", "查进度", (TRACKQ, "{c}\n{n}")),
        _d("ya-track", "track", "case", "我上次反映的事情咋样了呀", (TRACKQ, "{nf} 查询码{cf}啦")),
        _d("tibet-track-spaced", "track", "case", "帮我查一哈 编号{p1}-{p2}-{p3} 码{cs}"),
        _d("team-bad-number", "track", "notcase", "查询进度", (TRACKQ, "630223-2026-12 345678")),
        _d("pinyin-track", "track", "case", "cx {n} {c}"),
    ]


def _choices() -> list[Dialogue]:
    """Menu choices by full-width digits, Chinese numerals, 第N个 and the option's own words."""
    return [
        _d("greenhouse-nth", "choice", "projects", "菜单", "{opth:项目公开}"),
        _d(
            "screen-reader-wide-three",
            "choice",
            "report;anon=1;keep=护林员",
            "菜单",
            "{optw:反映}",
            (ASKCAT, "{optc:优亲厚友}"),
            (TELL, "村民小组长的儿子被评为生态护林员，一年没有上过山，工资照常领取。"),
            *rest(more="我已说完。", pic="没有照片。", name="{opt:匿名}"),
        ),
        _d("ya-own-words", "choice", "projects", "菜单", "项目公开呀"),
        _d("old-cadre-four-hao", "choice", "case", "菜单", "四号", (TRACKQ, "{n} {c}")),
        _d(
            "embroidery-hardship-category",
            "choice",
            "hardship;anon=0",
            "3",
            (ASKCAT, "{opt:困难}"),
            (WHOSE, "{opt:自己家}"),
            (HWHAT, "娃他爸去年冬天得了脑溢血 现在话都说不清 家里没收入了"),
            (HKIND, "大病"),
            (HWHEN, "去年冬天"),
            (HPEOPLE, "四口人"),
            (HHELP, "看病报销 再有个临时救助"),
            (HPHONE, "13800004411"),
            (HCHECK, "{opt:提交}"),
        ),
        _d("pinyin-policy", "choice", "answer", "菜单", "{optw:政策}", "低保咋申请"),
    ]


def _small() -> list[Dialogue]:
    """Thanks, greetings and acknowledgements, each in its voice."""
    return [
        _d("embroidery-praise", "smalltalk", "menu", "阿姐们都说你们这个好用 谢谢啦🌸"),
        _d("ya-received", "smalltalk", "menu", "好的呀 收到啦"),
        _d("screen-reader-thanks", "smalltalk", "menu", "谢谢，已收到。"),
        _d("tibet-thanks", "smalltalk", "menu", "辛苦了干部们 👍"),
        _d("pinyin-3q", "smalltalk", "menu", "3q 辛苦啦"),
        _d("old-cadre-ack", "smalltalk", "menu", "好的 收到 你们辛苦了"),
    ]


def _safety() -> list[Dialogue]:
    """Asking whether one is safe before or while reporting; the fear is answered, never stored."""
    return [
        _d(
            "cleaner-fear-first",
            "safety",
            "report;anon=1;keep=活动经费;drop=会不会知道",
            "我要是反映了组长会不会知道是我说的 我怕公益岗没了",
            "那我匿名反映",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "组长叫我们公益岗的每人每个月交一百 说是活动经费 也没见搞啥活动"),
            *rest(more="没了", pic="没有", name="匿名 千万别写我名字"),
        ),
        _d(
            "old-cadre-who-sees-phone",
            "safety",
            "report;anon=0;keep=分红;drop=谁能看到",
            "我要实名举报",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村里光伏电站的分红三年没给群众发 书记说拿去修村委会的院子了 账一次也没公开过"),
            (MORE, "就这些"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "实名的话我的电话号码谁能看到？"),
            (NAMEQ, "{opt:实名}"),
            (NAMEGIVE, "马德明 13900005678"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "ya-story-fear",
            "safety",
            "report;anon=1;keep=面粉;drop=报复",
            "我们社长把救灾的面粉拉到他家去了呀 我说了会不会被报复嘛",
            (OFFER, "1"),
            *rest(more="就这些啦", pic="没有呀", name="匿名嘛"),
        ),
        _d(
            "screen-reader-wechat-id",
            "safety",
            "report;anon=1;keep=低保;drop=微信号",
            "在反映问题之前，我想确认：匿名反映后，工作人员能否看到我的微信号？",
            "好的，我要匿名反映。",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "村委会副主任的母亲每月领取低保，但他家在县城有两套楼房。"),
            *rest(more="以上就是全部内容。", pic="没有照片。", name="{opt:匿名}"),
        ),
        _d(
            "embroidery-fear-at-story",
            "safety",
            "report;anon=1;keep=缝纫机;drop=村上知道",
            "3",
            (ASKCAT, "{opt:资金}"),
            (TELL, "这个说了会不会叫村上知道是我呀"),
            (TELL, "合作社买缝纫机的钱 账上写的二十台 我们就见了八台"),
            *rest(more="好了", pic="没有", name="{opt:匿名}"),
        ),
        _d(
            "tibet-family-trouble",
            "safety",
            "report;anon=1;keep=退耕还林;drop=找麻烦",
            "我人在西藏 反映了家里人会不会叫村干部找麻烦",
            "那我反映一下 村长把我家的退耕还林补贴扣了三年 一年一千多",
            (OFFER, "1"),
            *rest(more="就这些", pic="没有 人不在家", name="{opt:匿名}"),
        ),
    ]


def _hardships() -> list[Dialogue]:
    """A household's trouble: registered for help with a phone, never anonymous."""
    return [
        _d(
            "tibet-wife-hurt",
            "hardship",
            "hardship;anon=0;keep=摔了腰",
            "我在西藏工地上 家里媳妇前天摔了腰 住院了 两个娃娃没人管 老人也病着",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="我自己家",
                kind="意外",
                when="前天",
                people="五口",
                wanted="临时救助 娃娃上学的也想问问",
                phone="13900003456 这是我的 我在西藏也能接",
            ),
        ),
        _d(
            "embroidery-neighbour-granny",
            "hardship",
            "hardship;anon=0",
            "我们隔壁的阿奶 儿子去年没了 一个人住着 房子漏得不成样子",
            (HOFFER, "要登记"),
            *help_asked(
                whose="{opt:别人家}",
                kind="其他",
                when="去年",
                people="就她一个人",
                wanted="房子修一哈 再给点救助",
                phone="阿奶没手机 打我的13800004567",
            ),
        ),
        _d(
            "greenhouse-hail",
            "hardship",
            "hardship;keep=冰雹",
            "1.今年五月冰雹把我家三个温棚全打坏了\n2.贷款还欠着五万\n3.家里四口人",
            (HOFFER, "1"),
            *help_asked(
                whose="1",
                kind="4",
                when="今年五月",
                people="4",
                wanted="1.贷款缓一缓\n2.温棚修复有没有补助",
                phone="13700001122",
            ),
        ),
        _d(
            "cleaner-husband-ill",
            "hardship",
            "hardship;keep=肝",
            "我老汉查出来肝上的病 我一个月公益岗工资才八百 看不起病",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="自己家",
                kind="大病",
                when="上个月",
                people="三口人",
                wanted="看病报销",
                phone="13900007788",
            ),
        ),
        _d(
            "runon-leg",
            "hardship",
            "hardship;keep=腿摔断",
            "你好我想问一下我家的情况能不能申请帮扶我今年五十二了去年在工地上把腿摔断了现在干不了重活了老婆身体也"
            "不好常年吃药儿子在西宁上大学学费一年六千多家里就靠几亩地还有一个老娘八十多了电话是13900002468你们看能帮一下不",
            (HOFFER, "1"),
            *help_asked(
                whose="自己家",
                kind="意外 大病 上学",
                when="去年",
                people="四口",
                wanted="娃娃上学的资助 看病报销",
                phone="13900002468",
            ),
        ),
        _d(
            "ya-uncle-flood",
            "hardship",
            "hardship;anon=0",
            "我舅舅家的房子叫洪水冲了嘛 一家人住在帐篷里呀 我替他们登记一哈",
            (HOFFER, "1"),
            *help_asked(
                whose="别人家 我舅舅家",
                kind="自然灾害",
                when="上个礼拜",
                people="六口",
                wanted="先有个住的地方啦",
                phone="舅舅没手机 打我的13800009876",
            ),
        ),
        _d(
            "old-cadre-wubao",
            "hardship",
            "hardship;anon=0;keep=瘫",
            "我是退下来的老村干部 替村里的五保老人马阿爷登记一下 老人瘫在炕上了 没人照顾",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="{opt:别人家}",
                kind="残疾",
                when="今年春天",
                people="一个人",
                wanted="找人照顾 再有个临时救助",
                phone="我的电话13900001357",
            ),
        ),
        _d(
            "pinyin-switch-to-help",
            "hardship",
            "hardship;keep=脑梗",
            "我要jubao",
            (ASKCAT, "1"),
            (TELL, "不是告人 是我家的事 我爸脑梗了 家里没钱治 想申请帮扶"),
            (SWITCH, "{opt:帮扶}"),
            *help_asked(
                whose="自己家",
                kind="大病",
                when="上个月",
                people="3",
                wanted="看病报销 临时救助",
                phone="13700002580",
            ),
        ),
        _d(
            "screen-reader-heart",
            "hardship",
            "hardship;anon=0;keep=心脏手术",
            "我需要申请防止返贫帮扶：我家三口人，我本人视力一级残疾，妻子今年8月做了心脏手术，花费约十二万元，"
            "医保报销后仍欠款六万元。",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="本人家庭。",
                kind="大病，残疾。",
                when="今年8月。",
                people="3人。",
                wanted="医疗救助和临时救助。",
                phone="13800003579",
            ),
        ),
    ]


def _questions() -> list[Dialogue]:
    """Policy questions in each voice."""
    return [
        _d("greenhouse-list-question", "question", "answer", "1.低保一个月能领多少\n2.咋申请"),
        _d("screen-reader-question", "question", "answer", "请问：残疾人两项补贴的申请条件是什么？"),
        _d("embroidery-coop-policy", "question", "answer", "我们搞合作社的 有没有啥扶持政策呀"),
        _d("tibet-travel-subsidy", "question", "answer", "在外面打工的有没有交通补贴 咋领"),
    ]


def blind_p() -> list[Dialogue]:
    """The 80 dialogues of blind set P."""
    return (
        _asks()
        + _stories()
        + _persons()
        + _navigation()
        + _projects()
        + _tracks()
        + _choices()
        + _small()
        + _safety()
        + _hardships()
        + _questions()
    )
