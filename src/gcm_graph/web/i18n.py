"""Interface strings in English and Chinese, and the choice of language for a request.

The data is bilingual already (labels in zh and en); this module only covers the words of the interface.
A page asks ``t("key")``; a missing key is a programming error and raises, so a typo cannot ship as a
blank heading. The language comes from ``?lang=`` (remembered in a cookie), then the cookie, then English.

>>> translate("objectives", "zh"), translate("objectives", "en")
('目标', 'Objectives')
>>> choose_language("zh", None), choose_language("fr", "zh"), choose_language(None, None)
('zh', 'zh', 'en')
"""

from __future__ import annotations

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"
COOKIE = "lang"

STRINGS: dict[str, tuple[str, str]] = {
    # key: (English, Chinese)
    "site_title": ("GCM knowledge graph", "《移民全球契约》知识图谱"),
    "site_tagline": ("What UN reports say about the Global Compact for Migration, as linked data",
                     "联合国关于《移民全球契约》的报告，以关联数据呈现"),
    "skip_to_content": ("Skip to content", "跳到正文"),
    "home": ("Home", "首页"),
    "objectives": ("Objectives", "目标"),
    "objective": ("Objective", "目标"),
    "actors": ("Actors", "行为体"),
    "reports": ("Reports", "报告"),
    "report": ("Report", "报告"),
    "network": ("Network", "网络"),
    "matrix": ("Matrix", "矩阵"),
    "timeline": ("Timeline", "时间线"),
    "sparql": ("SPARQL", "SPARQL 查询"),
    "search": ("Search", "搜索"),
    "search_label": ("Search countries, organizations, objectives and report text",
                     "搜索国家、组织、目标和报告全文"),
    "search_placeholder": ("e.g. 泰国, Thailand, detention, 拘留", "例如：泰国、Thailand、拘留"),
    "search_results": ("Search results", "搜索结果"),
    "no_results": ("Nothing found.", "没有找到结果。"),
    "entities": ("Countries, organizations and objectives", "国家、组织和目标"),
    "paragraphs": ("Paragraphs", "段落"),
    "practices": ("Practices", "做法"),
    "triples": ("Triples", "三元组"),
    "built": ("Built", "构建时间"),
    "downloads": ("Downloads", "下载"),
    "at_a_glance": ("The dataset at a glance", "数据集概览"),
    "explore": ("Explore", "浏览"),
    "practices_by_actor": ("Practices by actor and year", "按行为体和年份列出的做法"),
    "practices_by_objective": ("Practices by objective and year", "按目标和年份列出的做法"),
    "discussing_paragraphs": ("Paragraphs that discuss this objective", "讨论该目标的段落"),
    "related_objectives": ("Related objectives (appear in the same paragraphs)",
                           "相关目标（出现在同一段落）"),
    "actor_network": ("Actor network", "行为体网络"),
    "mentions": ("Mentions across reports", "在各报告中的提及"),
    "events_attended": ("Events attended", "参加的活动"),
    "codes_links": ("Codes and links", "代码和链接"),
    "wikidata_lookup": ("Look up in Wikidata by ISO code", "按 ISO 代码在维基数据中查找"),
    "contents": ("Contents", "目录"),
    "footnotes": ("Footnotes", "脚注"),
    "footnote": ("Footnote", "脚注"),
    "confidence": ("confidence", "置信度"),
    "year": ("Year", "年份"),
    "any": ("any", "全部"),
    "actor_type": ("Actor type", "行为体类型"),
    "apply": ("Apply", "应用"),
    "country": ("Country", "国家"),
    "organization": ("Organization", "组织"),
    "local-authority": ("Local authority", "地方当局"),
    "person": ("Person", "人员"),
    "actor": ("Actor", "行为体"),
    "degree": ("Objectives / actors linked", "连接数"),
    "betweenness": ("Betweenness", "中介中心性"),
    "community": ("Community", "社群"),
    "table_alternative": ("Table", "表格"),
    "csv": ("CSV", "CSV"),
    "json": ("JSON", "JSON"),
    "query_behind": ("The SPARQL query behind this view", "本视图背后的 SPARQL 查询"),
    "network_intro": ("Actors (circles) linked to the GCM objectives (squares) they act on. Node size "
                      "follows the number of links; colours are communities found with networkx.",
                      "行为体（圆形）与其所涉及的《契约》目标（方形）之间的联系。节点大小表示连接数；"
                      "颜色表示用 networkx 计算的社群。"),
    "network_needs_js": ("The drawing needs JavaScript; the table below has the same data.",
                         "网络图需要 JavaScript；下表包含相同数据。"),
    "matrix_intro": ("Practices per country and objective. Each cell links to its practices.",
                     "各国在各目标下的做法数量。点击单元格查看做法。"),
    "timeline_intro": ("Practices per year, as stated or carried over in the reports.",
                       "报告中陈述的各年份做法数量。"),
    "no_year": ("year not stated", "未注明年份"),
    "evidence": ("Evidence", "证据"),
    "read_in_report": ("Read in the report", "在报告中阅读"),
    "properties": ("Properties", "属性"),
    "referenced_by": ("Referenced by", "被引用"),
    "not_found": ("Not found", "未找到"),
    "not_found_text": ("There is no resource with this address in the graph.", "图谱中没有此地址的资源。"),
    "source_document": ("Official document", "正式文件"),
    "language": ("Language", "语言"),
    "sparql_intro": ("Run SPARQL against the graph. The tabs hold the project's competency questions.",
                     "对图谱运行 SPARQL 查询。各标签页为本项目的能力问题。"),
    "sparql_needs_js": ("The editor needs JavaScript. Without it, send a query with the form below.",
                        "编辑器需要 JavaScript。没有 JavaScript 时，请使用下面的表单提交查询。"),
    "run_query": ("Run query", "运行查询"),
    "query_result": ("Result", "查询结果"),
    "result_rows": ("{rows} rows", "{rows} 行"),
    "result_cut": ("only the first {rows} rows are shown: ask for CSV or JSON (format=csv) for more",
                   "仅显示前 {rows} 行：如需更多，请以 CSV 或 JSON 格式获取（format=csv）"),
    "federated": ("needs internet (federated)", "需要联网（联邦查询）"),
    "count": ("Count", "数量"),
    "practices_for": ("Practices", "做法"),
    "filter": ("Filter", "筛选"),
    "all_reports": ("All reports", "所有报告"),
    "all_objectives": ("All objectives", "所有目标"),
    "paragraph": ("Paragraph", "段落"),
    "no_practices": ("No practices extracted yet.", "尚未提取到做法。"),
    "data_formats": ("This resource as data", "此资源的数据格式"),
    "nodes_edges": ("{nodes} nodes · {edges} links", "{nodes} 个节点 · {edges} 条连线"),
    "since_year": ("Since year", "起始年份"),
    "named_queries": ("Competency questions", "能力问题"),
}


def translate(key: str, lang: str) -> str:
    english, chinese = STRINGS[key]
    return chinese if lang == "zh" else english


def choose_language(requested: str | None, remembered: str | None) -> str:
    """?lang= wins when it names a supported language, then the cookie, then English."""
    for candidate in (requested, remembered):
        if candidate in LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE
