<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+67"/>
        <source>Workbench for the security of LLM supply chains</source>
        <translation>大模型供应链安全工作台</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the workspace at PATH.</source>
        <translation>打开位于 PATH 的工作区。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use LOCALE (for example zh_CN) instead of the system language.</source>
        <translation>使用 LOCALE（例如 zh_CN）代替系统语言。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a fresh demo workspace in a temporary folder.</source>
        <translation>在临时文件夹中打开一个全新的演示工作区。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A workspace (.strata) to open, and BOMs, Hugging Face cards or folders of them to import into the workspace.</source>
        <translation>要打开的工作区（.strata），以及要导入工作区的物料清单（BOM）、Hugging Face 卡片或包含它们的文件夹。</translation>
    </message>
</context>
<context>
    <name>strata::AboutDialog</name>
    <message>
        <location filename="../ui/AboutDialog.cpp" line="+21"/>
        <source>About Strata</source>
        <translation>关于 Strata</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strata %1</source>
        <translation>Strata %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A workbench for the security of LLM supply chains: suppliers, models, datasets, software and services, and how they depend on each other.</source>
        <translation>大模型供应链安全工作台：管理供应商、模型、数据集、软件和服务，以及它们之间的依赖关系。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Library versions</source>
        <translation>库版本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Strata %1
Qt %2
SQLite %3
OpenSSL %4
QuaZip %5</source>
        <translation>Strata %1
Qt %2
SQLite %3
OpenSSL %4
QuaZip %5</translation>
    </message>
</context>
<context>
    <name>strata::AcceptRiskDialog</name>
    <message>
        <location filename="../ui/findings/AcceptRiskDialog.cpp" line="+22"/>
        <location line="+21"/>
        <source>Accept Risk</source>
        <translation>接受风险</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Accept the risk of &quot;%1&quot; (score %2). Say why it is acceptable and until when; the acceptance lapses after that day.</source>
        <translation>接受“%1”的风险（得分 %2）。请说明为何可以接受以及接受到哪一天；过了这一天，风险接受即失效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Justification</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accepted until</source>
        <translation>接受至</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Justification:</source>
        <translation>理由(&amp;J)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted &amp;until:</source>
        <translation>接受至(&amp;U)：</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Give a justification: why is this risk acceptable?</source>
        <translation>请填写理由：为何可以接受此风险？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The justification is %1 characters long; at most %2 are allowed.</source>
        <translation>理由长度为 %1 个字符；最多允许 %2 个。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a day after today for the acceptance to end.</source>
        <translation>请为风险接受选择今天之后的结束日期。</translation>
    </message>
</context>
<context>
    <name>strata::AddArtifactDialog</name>
    <message>
        <location filename="../ui/AddArtifactDialog.cpp" line="+30"/>
        <location line="+29"/>
        <source>Add Artifact</source>
        <translation>添加制品</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>model-00001-of-00004.safetensors</source>
        <translation>model-00001-of-00004.safetensors</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Size in bytes</source>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SHA-256 digest</source>
        <translation>SHA-256 摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>64 hexadecimal characters</source>
        <translation>64 个十六进制字符</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;File name:</source>
        <translation>文件名(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Size (bytes):</source>
        <translation>大小（字节）(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-&amp;256:</source>
        <translation>SHA-&amp;256：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Enter the file&apos;s name.</source>
        <translation>请输入文件名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The SHA-256 digest may contain only the hexadecimal digits 0-9 and a-f.</source>
        <translation>SHA-256 摘要只能包含十六进制数字 0-9 和 a-f。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>A SHA-256 digest has 64 hexadecimal characters; this one has %n.</source>
        <translation>
            <numerusform>SHA-256 摘要应有 64 个十六进制字符，当前为 %n 个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::AddRelationDialog</name>
    <message>
        <location filename="../ui/AddRelationDialog.cpp" line="+34"/>
        <source>%1 %2</source>
        <comment>record name and version</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+40"/>
        <source>Add Relation</source>
        <translation>添加关系</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Relation type</source>
        <translation>关系类型</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Derivation kind</source>
        <translation>派生方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only “derived from” relations say how the record was derived</source>
        <translation>只有“派生自”关系需要说明派生方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not specified)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search target records</source>
        <translation>搜索目标条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type to search by name, tag, license…</source>
        <translation>输入名称、标签、许可证等进行搜索…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Target record</source>
        <translation>目标条目</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Relation:</source>
        <translation>关系(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Derivation:</source>
        <translation>派生方式(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Target:</source>
        <translation>目标(&amp;T)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From “%1”</source>
        <translation>源条目：“%1”</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No record matches that can be the target of this relation.</source>
        <translation>没有可作为此关系目标的匹配条目。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the record this one relates to.</source>
        <translation>请选择与此条目相关联的条目。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” %2 “%3”</source>
        <translation>“%1”%2“%3”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>strata::ArtifactCommand</name>
    <message>
        <location filename="../models/commands/ArtifactCommand.cpp" line="+47"/>
        <source>The file %1 is no longer attached to this record.</source>
        <translation>文件 %1 已不再附属于此条目。</translation>
    </message>
</context>
<context>
    <name>strata::ArtifactRepository</name>
    <message>
        <location filename="../app/core/storage/ArtifactRepository.cpp" line="+54"/>
        <source>The record already has a file named &quot;%1&quot;; remove it first or use another name.</source>
        <translation>该条目已有名为“%1”的文件；请先将其移除，或使用其他名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adding the file &quot;%1&quot;</source>
        <translation>添加文件“%1”</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Removing file %1</source>
        <translation>移除文件 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>There is no file with id %1.</source>
        <translation>不存在 ID 为 %1 的文件。</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Reading file %1</source>
        <translation>读取文件 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading the files of record %1</source>
        <translation>读取条目 %1 的文件</translation>
    </message>
</context>
<context>
    <name>strata::ArtifactTableModel</name>
    <message>
        <location filename="../models/ArtifactTableModel.cpp" line="+77"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown</source>
        <comment>file size</comment>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>strata::ArtifactsPanel</name>
    <message>
        <location filename="../ui/ArtifactsPanel.cpp" line="+30"/>
        <source>Artifacts</source>
        <translation>制品</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add Artifact…</source>
        <translation>添加制品…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add artifact</source>
        <translation>添加制品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove artifact</source>
        <translation>移除制品</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Remove Artifact</source>
        <translation>移除制品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the artifact “%1” from this record?</source>
        <translation>要从此条目中移除制品“%1”吗？</translation>
    </message>
</context>
<context>
    <name>strata::Assessment</name>
    <message>
        <location filename="../app/core/checklist/Assessment.cpp" line="+56"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Risk accepted</source>
        <translation>已接受风险</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mitigating</source>
        <translation>缓解中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>strata::AssessmentCommands</name>
    <message>
        <location filename="../app/cli/AssessmentCommands.cpp" line="+90"/>
        <source>create NAME --version V --root ID | list</source>
        <translation>create NAME --version V --root ID | list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create and list releases: a root record and everything upstream of it</source>
        <translation>创建和列出发布版本：一个根条目及其全部上游</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>release create NAME --version V --root ID
                    record a release of the model or service ID with every record upstream
                    of it (what it is derived from, trained and evaluated on, provided by,
                    depends on and hosted on). The members are stored, so the release stays
                    what was reviewed when records change later.
release list        every release with its root and number of records</source>
        <translation>release create NAME --version V --root ID
                    为模型或服务 ID 及其全部上游条目（它派生自、训练和评测所用、
                    由其提供、依赖和托管于的条目）记录一个发布版本。成员会被保存，
                    因此条目之后发生变化时，发布版本仍保持审核时的样子。
release list        所有发布版本及其根条目和条目数量</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>version of the release</source>
        <translation>发布版本的版本号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <location line="+1"/>
        <location line="+102"/>
        <location line="+29"/>
        <location line="+75"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-227"/>
        <source>the model or service being shipped (id or name)</source>
        <translation>要发布的模型或服务（ID 或名称）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>create|list</source>
        <translation>create|list</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+18"/>
        <location line="+104"/>
        <location line="+29"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>new --release NAME|--scope ID [--catalog ID] | list | show ID | set ASSESSMENT ITEM STATUS [--note TEXT] [--evidence FILE]...</source>
        <translation>new --release NAME|--scope ID [--catalog ID] | list | show ID | set ASSESSMENT ITEM STATUS [--note TEXT] [--evidence FILE]...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assess a release or a record against a checklist catalog</source>
        <translation>按检查项目录评估发布版本或条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assess new          apply a catalog (default: the built-in WDTA AI-STR-03) to a release
                    (--release NAME or NAME@VERSION) or one record (--scope ID); the items
                    that apply follow from the kinds of record in scope. Automated checks
                    print what the inventory already says; they never set a status.
assess list         every assessment with its progress
assess show ID      every item with its status, reviewer and evidence; with --json also
                    the notes and the evidence digests
assess set ASSESSMENT ITEM STATUS
                    record an answer. STATUS is not_started, pass, fail, not_applicable
                    (needs a reason in --note) or risk_accepted (needs an accepted finding).
  --note TEXT       Markdown notes (replace the item&apos;s notes)
  --evidence FILE   add FILE to the evidence store and link it to the item; repeatable</source>
        <translation>assess new          将检查项目录（默认：内置的 WDTA AI-STR-03）应用于一个发布版本
                    （--release NAME 或 NAME@VERSION）或一个条目（--scope ID）；适用的
                    检查项由范围内条目的类型决定。自动检查会列出资产清单中已知的
                    情况，但从不设置状态。
assess list         所有评估及其进度
assess show ID      每个检查项的状态、审核人和证据；使用 --json 时还包括备注和
                    证据摘要
assess set ASSESSMENT ITEM STATUS
                    记录一个结论。STATUS 为 not_started、pass、fail、not_applicable
                    （需在 --note 中说明理由）或 risk_accepted（需有已接受的发现项）。
  --note TEXT       Markdown 格式的备注（替换该检查项原有的备注）
  --evidence FILE   将 FILE 加入证据库并关联到该检查项；可重复使用</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the release to assess</source>
        <translation>要评估的发布版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the record to assess</source>
        <translation>要评估的条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the catalog to apply (id, id@version or number)</source>
        <translation>要应用的检查项目录（ID、id@version 或编号）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>notes for the item, in Markdown</source>
        <translation>检查项的备注，Markdown 格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>evidence file to link to the item</source>
        <translation>要关联到检查项的证据文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new|list|show|set</source>
        <translation>new|list|show|set</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID|ASSESSMENT</source>
        <translation>ID|ASSESSMENT</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+248"/>
        <source>ITEM</source>
        <translation>ITEM</translation>
    </message>
    <message>
        <location line="-248"/>
        <location line="+248"/>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; does not take --%2; run &quot;strata-cli help %3&quot;.</source>
        <translation>“%1”不接受 --%2；请运行“strata-cli help %3”。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;release create&quot; needs NAME, --version and --root; usage: %1</source>
        <translation>“release create”需要 NAME、--version 和 --root；用法：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;release list&quot; takes no arguments; usage: %1</source>
        <translation>“release list”不接受参数；用法：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown release command &quot;%1&quot;; use create or list. Usage: %2</source>
        <translation>未知的发布版本命令“%1”；请使用 create 或 list。用法：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;assess new&quot; needs either --release NAME or --scope ID; usage: %1</source>
        <translation>“assess new”需要 --release NAME 或 --scope ID 之一；用法：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;assess list&quot; takes no arguments; usage: %1</source>
        <translation>“assess list”不接受参数；用法：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;assess show&quot; needs one assessment ID; usage: %1</source>
        <translation>“assess show”需要一个评估 ID；用法：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;assess set&quot; needs ASSESSMENT ITEM STATUS; usage: %1</source>
        <translation>“assess set”需要 ASSESSMENT ITEM STATUS；用法：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown assess command &quot;%1&quot;; use new, list, show or set. Usage: %2</source>
        <translation>未知的评估命令“%1”；请使用 new、list、show 或 set。用法：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Created release %1 (id %2) with %n record(s):</source>
        <translation>
            <numerusform>已创建发布版本 %1（编号 %2），共 %n 个条目：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>KIND</source>
        <translation>KIND</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+29"/>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>No releases.</source>
        <translation>没有发布版本。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ROOT</source>
        <translation>ROOT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RECORDS</source>
        <translation>RECORDS</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+75"/>
        <source>CREATED</source>
        <translation>CREATED</translation>
    </message>
    <message numerus="yes">
        <location line="-42"/>
        <source>Created assessment %1 of %2 with catalog %3 %4: %n item(s) apply.</source>
        <translation>
            <numerusform>已使用检查项目录 %3 %4 创建对 %2 的评估 %1：适用 %n 个检查项。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+88"/>
        <source>Automated checks suggest (confirm with &quot;strata-cli assess set&quot;):</source>
        <translation>自动检查建议（请用“strata-cli assess set”确认）：</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>No assessments.</source>
        <translation>没有评估。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SCOPE</source>
        <translation>SCOPE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CATALOG</source>
        <translation>CATALOG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ANSWERED</source>
        <translation>ANSWERED</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+52"/>
        <source>&quot;%1&quot; is not an assessment id; &quot;strata-cli assess list&quot; shows them.</source>
        <translation>“%1”不是评估 ID；“strata-cli assess list”可列出评估。</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog</source>
        <translation>检查项目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 by %2</source>
        <translation>%1（操作人：%2）</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%1: %2 of %n answered</source>
        <translation>
            <numerusform>%1：%n 个中已完成 %2 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REVIEWER</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>EVIDENCE</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TITLE</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unknown status &quot;%1&quot;; use one of: %2.</source>
        <translation>未知状态“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Assessment %1, item %2: %3 (%4, %5).</source>
        <translation>评估 %1，检查项 %2：%3（%4，%5）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  evidence %1 &quot;%2&quot; SHA-256 %3</source>
        <translation>  证据 %1“%2” SHA-256 %3</translation>
    </message>
</context>
<context>
    <name>strata::AssessmentRepository</name>
    <message>
        <location filename="../app/core/storage/AssessmentRepository.cpp" line="+83"/>
        <source>Recording the release %1</source>
        <translation>记录发布版本 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recording the members of release %1</source>
        <translation>记录发布版本 %1 的成员</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading the members of release %1</source>
        <translation>读取发布版本 %1 的成员</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reading release %1</source>
        <translation>读取发布版本 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no release with the id %1; &quot;strata-cli release list&quot; shows the releases.</source>
        <translation>没有编号为 %1 的发布版本；“strata-cli release list”可列出发布版本。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Listing the releases</source>
        <translation>列出发布版本</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Looking up the release %1</source>
        <translation>查找发布版本 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Looking up the release %1@%2</source>
        <translation>查找发布版本 %1@%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Recording the assessment of %1</source>
        <translation>记录对 %1 的评估</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recording the items of the assessment of %1</source>
        <translation>记录对 %1 的评估的检查项</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading assessment %1</source>
        <translation>读取评估 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no assessment with the id %1; &quot;strata-cli assess list&quot; shows the assessments.</source>
        <translation>没有编号为 %1 的评估；“strata-cli assess list”可列出评估。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reading the answers of assessment %1</source>
        <translation>读取评估 %1 的结论</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Listing the assessments</source>
        <translation>列出评估</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Saving the answer in assessment %1</source>
        <translation>保存评估 %1 中的结论</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Linking evidence %1 in assessment %2</source>
        <translation>在评估 %2 中关联证据 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unlinking evidence %1 in assessment %2</source>
        <translation>正在取消评估 %2 中证据 %1 的关联</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Recording the finding &quot;%1&quot;</source>
        <translation>记录发现项“%1”</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saving finding %1</source>
        <translation>保存发现项 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading finding %1</source>
        <translation>读取发现项 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no finding with the id %1; &quot;strata-cli findings list&quot; shows the findings.</source>
        <translation>没有编号为 %1 的发现项；“strata-cli findings list”可列出发现项。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Listing the findings</source>
        <translation>列出发现项</translation>
    </message>
</context>
<context>
    <name>strata::AssessmentsPage</name>
    <message>
        <location filename="../ui/assessments/AssessmentsPage.cpp" line="+42"/>
        <source>No assessments yet</source>
        <translation>还没有评估</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An assessment walks a release or a record through a checklist catalog, stage by stage from governance to retirement. Create a release (a root record and everything upstream of it), then assess the release, a record or a supplier.</source>
        <translation>评估按检查项目录逐阶段（从治理到退役）检查一个发布版本或一个条目。先创建发布版本（根条目及其全部上游），再评估该发布版本、某个条目或某个供应商。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Assessments</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Catalog</source>
        <translation>检查项目录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answered</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checklist items</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+16"/>
        <source>New Release…</source>
        <translation>新建发布版本…</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+16"/>
        <source>New Assessment…</source>
        <translation>新建评估…</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Open Walkthrough</source>
        <translation>打开逐项评估</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Release Created</source>
        <translation>已创建发布版本</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Release %1 holds %n record(s). Assess it now?</source>
        <translation>
            <numerusform>发布版本 %1 包含 %n 个条目。现在评估吗？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 of %2</source>
        <translation>%2 个中的 %1 个</translation>
    </message>
    <message numerus="yes">
        <location line="+54"/>
        <source>%1 of %n answered</source>
        <translation>
            <numerusform>%n 个中已完成 %1 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::AtomicFile</name>
    <message>
        <location filename="../app/core/util/AtomicFile.cpp" line="+46"/>
        <source>%1 exists and is not a regular file; choose another name.</source>
        <translation>%1 已存在且不是普通文件；请选择其他名称。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot set the permissions of %1: %2</source>
        <translation>无法设置 %1 的权限：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Writing %1 failed: %2. The previous file, if any, is unchanged.</source>
        <translation>写入 %1 失败：%2。原有文件（如有）保持不变。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writing %1 failed: the disk did not confirm the data (%2). The previous file, if any, is unchanged.</source>
        <translation>写入 %1 失败：磁盘未确认数据已写入（%2）。原有文件（如有）保持不变。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saving %1 failed: %2. The previous file, if any, is unchanged.</source>
        <translation>保存 %1 失败：%2。原有文件（如有）保持不变。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 was written, but the folder could not be synced to disk (%2).</source>
        <translation>%1 已写入，但其所在文件夹未能同步到磁盘（%2）。</translation>
    </message>
</context>
<context>
    <name>strata::AuditChain</name>
    <message numerus="yes">
        <location filename="../app/core/audit/AuditChain.cpp" line="+165"/>
        <source>The verification of the audit trail was cancelled after %n row(s).</source>
        <translation>
            <numerusform>审计追踪的验证在检查 %n 条记录后已取消。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Audit row %1 is missing: it was deleted (the next row is %2).</source>
        <translation>第 %1 条审计记录缺失：它已被删除（下一条是第 %2 条）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit rows %1 to %2 are missing: they were deleted.</source>
        <translation>第 %1 至第 %2 条审计记录缺失：它们已被删除。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Audit row %1 was inserted or forged: the trail starts at row 1.</source>
        <translation>第 %1 条审计记录是插入或伪造的：审计追踪从第 1 条开始。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Audit row %1 is out of order: it was recorded as row %2.</source>
        <translation>第 %1 条审计记录顺序错乱：它记录时是第 %2 条。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit row %1 was inserted or forged: it repeats row %2.</source>
        <translation>第 %1 条审计记录是插入或伪造的：它重复了第 %2 条。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Audit row %1 was inserted or forged: row %2 was recorded as row %1.</source>
        <translation>第 %1 条审计记录是插入或伪造的：第 %2 条记录时是第 %1 条。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit row %1 was changed and its hash recomputed: row %2 no longer follows it.</source>
        <translation>第 %1 条审计记录已被修改并重新计算了哈希：第 %2 条不再接续它。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Audit rows were deleted before row %1 and the later rows renumbered: row %1 was recorded as row %2.</source>
        <translation>第 %1 条之前的审计记录已被删除，之后的记录被重新编号：第 %1 条记录时是第 %2 条。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+6"/>
        <source>Audit row %1 was inserted or forged: it is not part of the chain.</source>
        <translation>第 %1 条审计记录是插入或伪造的：它不属于哈希链。</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Audit row %1 was changed: its content no longer matches its hash.</source>
        <translation>第 %1 条审计记录已被修改：其内容与哈希不再相符。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The audit trail ends at row %1 but the checkpoint names row %2: rows %3 to %2 were removed.</source>
        <translation>审计追踪止于第 %1 条，但检查点指向第 %2 条：第 %3 至第 %2 条已被删除。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Audit row %1 does not match the checkpoint %2: the trail was rewritten.</source>
        <translation>第 %1 条审计记录与检查点 %2 不符：审计追踪已被重写。</translation>
    </message>
    <message numerus="yes">
        <location line="-22"/>
        <source>The audit trail is intact: %n row(s), head %1.</source>
        <translation>
            <numerusform>审计追踪完好：共 %n 条记录，链头 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reordered</source>
        <translation>顺序错乱</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inserted</source>
        <translation>已插入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>truncated</source>
        <translation>已截断</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rewritten</source>
        <translation>已重写</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%1 It agrees with the %n audit-trail head(s) that sign-offs recorded.</source>
        <translation>
            <numerusform>%1 它与签核记录的 %n 个审计追踪头部一致。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::AuditCommands</name>
    <message>
        <location filename="../app/cli/AuditCommands.cpp" line="+86"/>
        <source>verify [--checkpoint SEQ:HASH] | list [--action A] [--actor X] [--record ID] [--since DATE] [--limit N]</source>
        <translation>verify [--checkpoint SEQ:HASH] | list [--action A] [--actor X] [--record ID] [--since DATE] [--limit N]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify and list the audit trail</source>
        <translation>验证并列出审计追踪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>audit verify        recompute the hash chain of every change; exit 0 only when it is intact,
                    otherwise exit 1 and name the first bad row and what happened to it
  --checkpoint S:H  a head recorded earlier (by a sign-off, a bundle or a report, or printed by
                    this command): also catches dropped rows and a rewrite of the whole trail
audit list          the trail, newest first
  --action A        only this action, or every action under a prefix (&quot;finding&quot;)
  --actor X         only changes made by X
  --record ID       only changes to this record, with the imports and relations that touched it
  --since DATE      only changes from this day or time on (ISO 8601, UTC unless an offset is given)
  --limit N         at most N rows</source>
        <translation>audit verify        重新计算每次更改的哈希链；仅在完好时以 0 退出，
                    否则以 1 退出，并指出第一条有问题的记录及其遭遇
  --checkpoint S:H  之前记录的链头（来自签核、资料包或报告，或由本命令打印）：
                    还能发现被删除的末尾记录和整条审计追踪的重写
audit list          审计追踪，最新的在前
  --action A        仅此操作，或某前缀下的所有操作（&quot;finding&quot;）
  --actor X         仅 X 所做的更改
  --record ID       仅对此条目的更改，包括涉及它的导入和关系
  --since DATE      仅从此日期或时间起的更改（ISO 8601，未给出时区偏移时为 UTC）
  --limit N         最多 N 条记录</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>SEQ:HASH</source>
        <translation>SEQ:HASH</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a trail head recorded earlier</source>
        <translation>之前记录的审计追踪链头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>action or action prefix</source>
        <translation>操作或操作前缀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>who made the change</source>
        <translation>做出更改的操作者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>record id or unique name</source>
        <translation>条目 ID 或唯一名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>earliest time (ISO 8601)</source>
        <translation>最早时间（ISO 8601）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>most rows to list</source>
        <translation>最多列出的记录数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verify|list</source>
        <translation>verify|list</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;audit %1&quot; takes no further arguments; usage: %2</source>
        <translation>“audit %1”不接受更多参数；用法：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;audit verify&quot; does not take --%1; usage: %2</source>
        <translation>“audit verify”不接受 --%1；用法：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;audit list&quot; does not take --%1; usage: %2</source>
        <translation>“audit list”不接受 --%1；用法：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown audit command &quot;%1&quot;; use verify or list. Usage: %2</source>
        <translation>未知的 audit 命令“%1”；请使用 verify 或 list。用法：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--checkpoint &quot;%1&quot; is not a trail head; write it as SEQ:HASH, with the 64 hex digits &quot;strata-cli audit verify&quot; prints.</source>
        <translation>--checkpoint “%1”不是审计追踪链头；请写成 SEQ:HASH，使用“strata-cli audit verify”打印的 64 位十六进制数字。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>--since &quot;%1&quot; is not a date; write it as YYYY-MM-DD or an ISO 8601 time.</source>
        <translation>--since “%1”不是日期；请写成 YYYY-MM-DD 或 ISO 8601 时间。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--limit &quot;%1&quot; is not a positive whole number.</source>
        <translation>--limit “%1”不是正整数。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No audit entries match.</source>
        <translation>没有匹配的审计记录。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SEQ</source>
        <translation>SEQ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TIME</source>
        <translation>TIME</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ACTOR</source>
        <translation>ACTOR</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ACTION</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ENTITY</source>
        <translation>ENTITY</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CHANGE</source>
        <translation>CHANGE</translation>
    </message>
</context>
<context>
    <name>strata::AuditPage</name>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="+76"/>
        <source>Verify Audit Trail</source>
        <translation>验证审计追踪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recompute the hash chain and name the first row that was changed, removed, reordered or inserted</source>
        <translation>重新计算哈希链，并指出第一条被修改、删除、重排或插入的记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show entries by action</source>
        <translation>按操作显示记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All actions</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Records</source>
        <translation>条目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Artifacts</source>
        <translation>制品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imports</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Catalogs</source>
        <translation>检查项目录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Releases</source>
        <translation>发布版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assessments</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Findings</source>
        <translation>发现项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identities</source>
        <translation>签名身份</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model signatures</source>
        <translation>模型签名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign-offs</source>
        <translation>签核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundles</source>
        <translation>资料包</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Actor</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show entries by actor</source>
        <translation>按操作者显示记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record id or name</source>
        <translation>条目 ID 或名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show entries about a record</source>
        <translation>显示与某条目相关的记录</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not verified since the workspace was opened.</source>
        <translation>自打开工作区以来尚未验证。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel the audit trail check</source>
        <translation>取消审计追踪检查</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Audit trail</source>
        <translation>审计追踪</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Before</source>
        <translation>更改前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>更改后</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Before</source>
        <translation>更改前(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;After</source>
        <translation>更改后(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <location line="+89"/>
        <source>Showing the newest %n entries; filter to reach older ones.</source>
        <translation>
            <numerusform>显示最新的 %n 条记录；筛选可查看更早的记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Row %1 by %2 at %3 · hash %4</source>
        <translation>第 %1 条，%2 于 %3 · 哈希 %4</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Checking %n audit row(s)…</source>
        <translation>
            <numerusform>正在检查 %n 条审计记录…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Audit Trail Intact</source>
        <translation>审计追踪完好</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The audit trail was tampered with. %1 Restore the workspace from a backup you trust, and find out who had access to the file.</source>
        <translation>审计追踪已被篡改。%1 请从您信任的备份恢复工作区，并查明谁能访问该文件。</translation>
    </message>
</context>
<context>
    <name>strata::AuditRepository</name>
    <message>
        <location filename="../app/core/storage/AuditRepository.cpp" line="+58"/>
        <source>Reading the head of the audit trail</source>
        <translation>读取审计追踪链头</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Appending &quot;%1&quot; to the audit trail</source>
        <translation>向审计追踪追加“%1”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the audit trail</source>
        <translation>读取审计追踪</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+16"/>
        <source>Listing the audit trail</source>
        <translation>列出审计追踪</translation>
    </message>
</context>
<context>
    <name>strata::AuditTableModel</name>
    <message numerus="yes">
        <location filename="../models/AuditTableModel.cpp" line="+25"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The verification found this row bad.</source>
        <translation>验证发现此记录有问题。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actor</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed</source>
        <translation>更改对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>strata::AutomatedChecks</name>
    <message>
        <location filename="../app/core/checklist/AutomatedChecks.cpp" line="+91"/>
        <source>Model %1 (record %2) has no file with a recorded digest, so its weights cannot be verified.</source>
        <translation>模型 %1（条目 %2）没有记录摘要的文件，因此无法验证其权重。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Model %1 (record %2) has weights (%3) but no signature file or signature evidence; verify the publisher&apos;s signature (for example with model_signing verify) and attach the result.</source>
        <translation>模型 %1（条目 %2）有权重文件（%3），但没有签名文件或签名证据；请验证发布者的签名（例如使用 model_signing verify）并附上结果。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dataset %1 (record %2) has no licence recorded.</source>
        <translation>数据集 %1（条目 %2）没有记录许可证。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Supplier %1 (record %2): certification %3 expired on %4.</source>
        <translation>供应商 %1（条目 %2）：认证 %3 已于 %4 过期。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (record %2) is a placeholder from an import that nobody has verified yet.</source>
        <translation>%1（条目 %2）是导入产生的占位条目，尚无人核实。</translation>
    </message>
</context>
<context>
    <name>strata::BackupCommands</name>
    <message>
        <location filename="../app/cli/BackupCommands.cpp" line="+47"/>
        <source>[-o FILE | --list]</source>
        <translation>[-o FILE | --list]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a checked backup of the workspace, or list its backups</source>
        <translation>对工作区做一次经过检查的备份，或列出它的备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backup -o FILE   write a consistent copy of the workspace to FILE (never the workspace itself);
                 the copy is checked with integrity_check and synced to disk before it is kept
backup           the same, as a new generation in WORKSPACE.backups/ (the newest %1 are kept;
                 Strata also makes one there before it upgrades a workspace to a newer schema)
backup --list    the generations in WORKSPACE.backups/, newest first</source>
        <translation>backup -o FILE   将工作区的一致副本写入 FILE（绝不会是工作区本身）；
                 副本在保留之前先经过 integrity_check 检查并同步到磁盘
backup           同上，作为 WORKSPACE.backups/ 中的一个新备份版本（保留最新的 %1 个；
                 Strata 在把工作区升级到更新的模式之前也会在那里做一个）
backup --list    列出 WORKSPACE.backups/ 中的备份版本，最新的在前</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+5"/>
        <location line="+7"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>the backup file to write</source>
        <translation>要写入的备份文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list the backup generations</source>
        <translation>列出备份版本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replace the workspace with a backup</source>
        <translation>用备份替换工作区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE is checked completely first: it must be a Strata workspace, pass integrity_check and have a
schema this version knows. The workspace must not be open anywhere. The current workspace is kept
as a generation in WORKSPACE.backups/ (with its -wal, if it has one), then FILE&apos;s copy replaces it
in one rename. &quot;strata-cli backup --list&quot; shows the generations to choose from.</source>
        <translation>先对 FILE 做完整检查：它必须是 Strata 工作区，通过 integrity_check，且模式为本版本所知。
工作区不得在任何地方打开。当前工作区作为一个备份版本保存在 WORKSPACE.backups/ 中
（若有 -wal 文件则一并保存），然后用 FILE 的副本以一次重命名替换它。
“strata-cli backup --list”列出可供选择的备份版本。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;backup&quot; takes no arguments; write the file with -o FILE.</source>
        <translation>“backup”不接受参数；请用 -o FILE 指定文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;backup --list&quot; does not take -o.</source>
        <translation>“backup --list”不接受 -o。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;restore&quot; takes one backup file; usage: strata-cli restore FILE</source>
        <translation>“restore”只接受一个备份文件；用法：strata-cli restore FILE</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>-o needs a file name.</source>
        <translation>-o 需要一个文件名。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Backed up %1 to %2 (%3, schema %4); integrity check: %5.</source>
        <translation>已将 %1 备份到 %2（%3，模式 %4）；完整性检查：%5。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No backups of %1 yet in %2.</source>
        <translation>%1 在 %2 中还没有备份。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Made (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Schema</source>
        <translation>模式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The workspace was restored, but the restore could not be recorded in its audit trail: %1</source>
        <translation>工作区已恢复，但未能在其审计记录中记下此次恢复：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restored %1 from %2 (schema %3).</source>
        <translation>已从 %2 恢复 %1（模式 %3）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workspace it replaced was kept as %1.</source>
        <translation>被替换的工作区已保存为 %1。</translation>
    </message>
</context>
<context>
    <name>strata::BackupController</name>
    <message>
        <location filename="../ui/BackupController.cpp" line="+47"/>
        <source>made on request</source>
        <translation>按要求创建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>before an upgrade</source>
        <translation>升级之前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replaced by a restore</source>
        <translation>被恢复替换</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel the backup, restore or check</source>
        <translation>取消备份、恢复或检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back &amp;Up Workspace…</source>
        <translation>备份工作区(&amp;U)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make a checked copy of the workspace, as a new backup or as a file</source>
        <translation>对工作区做一份经过检查的副本，作为新备份或保存为文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore from Bac&amp;kup…</source>
        <translation>从备份恢复(&amp;K)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the workspace with one of its backups, keeping the current one</source>
        <translation>用工作区的某个备份替换它，并保留当前的工作区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check Workspace &amp;Integrity</source>
        <translation>检查工作区完整性(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read every page of the workspace and check that it is consistent</source>
        <translation>读取工作区的每一页并检查其是否一致</translation>
    </message>
    <message>
        <location line="+123"/>
        <location line="+17"/>
        <source>Back Up Workspace</source>
        <translation>备份工作区</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Where should the backup go?</source>
        <translation>备份要保存到哪里？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new backup in %1 (the newest %2 are kept)</source>
        <translation>%1 中的新备份（保留最新的 %2 个）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+86"/>
        <source>A file I choose…</source>
        <translation>我选择的文件…</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Cannot create the backup folder %1; check that its folder is writable.</source>
        <translation>无法创建备份文件夹 %1；请检查其所在文件夹是否可写。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+85"/>
        <source>Strata workspaces (*.strata)</source>
        <translation>Strata 工作区 (*.strata)</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>%1 is the open workspace itself; a backup must go to another file.</source>
        <translation>%1 就是当前打开的工作区；备份必须写到另一个文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a workspace with changes still in its -wal file; replacing it would damage it. Choose another name.</source>
        <translation>%1 是一个仍有更改留在 -wal 文件中的工作区；替换它会损坏它。请换一个名称。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot write in %1; choose another folder.</source>
        <translation>无法在 %1 中写入；请选择其他文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup cancelled; no backup was made.</source>
        <translation>备份已取消；未生成任何备份。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backing up the workspace…</source>
        <translation>正在备份工作区…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Backed up to %1 (%2); integrity check: ok.</source>
        <translation>已备份到 %1（%2）；完整性检查：正常。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 UTC, %2, schema %3, %4</source>
        <translation>%1 UTC，%2，模式 %3，%4</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+12"/>
        <location line="+3"/>
        <location line="+93"/>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>There are no backups in %1 yet. Restore from a file?</source>
        <translation>%1 中还没有备份。要从文件恢复吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which backup should replace the workspace? (Backups in %1, newest first.)</source>
        <translation>用哪个备份替换工作区？（备份位于 %1，最新的在前。）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Replace the workspace %1 with the backup %2? Changes made after that backup are no longer shown; the current workspace is kept as a backup first, so this can be undone by restoring that one.</source>
        <translation>用备份 %2 替换工作区 %1 吗？该备份之后所做的更改将不再显示；当前工作区会先保存为一个备份，因此恢复那个备份即可撤销此操作。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Checking and restoring the backup…</source>
        <translation>正在检查并恢复备份…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore cancelled; the workspace is as it was.</source>
        <translation>恢复已取消；工作区保持原样。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restored %1 from %2.</source>
        <translation>已从 %2 恢复 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 The workspace it replaced was kept as %2.</source>
        <translation>%1 被替换的工作区已保存为 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 The restore could not be recorded in the audit trail: %2</source>
        <translation>%1 未能在审计记录中记下此次恢复：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Integrity check cancelled.</source>
        <translation>完整性检查已取消。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking the workspace…</source>
        <translation>正在检查工作区…</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The workspace could not be read for the check: %1 Restore it from a backup (File › Restore from Backup…).</source>
        <translation>无法读取工作区以进行检查：%1 请从备份恢复（“文件 › 从备份恢复”）。</translation>
    </message>
    <message>
        <location line="-264"/>
        <source>The backup or check stopped: the workspace was closed. Nothing was kept.</source>
        <translation>备份或检查已停止：工作区已关闭。未保留任何内容。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+244"/>
        <source>Check Workspace Integrity</source>
        <translation>检查工作区完整性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 passed the full integrity check: every page and index is consistent.</source>
        <translation>%1 通过了完整的完整性检查：每一页和每个索引都一致。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 failed the integrity check: %2 Restore it from a backup (File › Restore from Backup…).</source>
        <translation>%1 未通过完整性检查：%2 请从备份恢复（“文件 › 从备份恢复”）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1

Restore the newest good backup, made %2 UTC? The damaged file is kept as a backup first.</source>
        <translation>%1

要恢复最新的完好备份（创建于 %2 UTC）吗？损坏的文件会先保存为一个备份。</translation>
    </message>
</context>
<context>
    <name>strata::Backups</name>
    <message>
        <location filename="../app/core/storage/Backups.cpp" line="+116"/>
        <source>Stopped on request; nothing was changed.</source>
        <translation>已按要求停止；未作任何更改。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The workspace %1 is open in %2 (process %3 on %4); close it there before restoring a backup. Nothing was changed.</source>
        <translation>工作区 %1 已在 %2 中打开（进程 %3，主机 %4）；请先在那里关闭它再恢复备份。未做任何更改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot create the lock file %1.lock: check that the folder is writable.</source>
        <translation>无法创建锁文件 %1.lock：请检查文件夹是否可写。</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+6"/>
        <location line="+80"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="-84"/>
        <location line="+6"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writing %1 failed: the disk did not confirm the data (%2).</source>
        <translation>写入 %1 失败：磁盘未确认数据已写入（%2）。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Cannot remove the old backup %1; check the folder&apos;s permissions.</source>
        <translation>无法删除旧备份 %1；请检查文件夹的权限。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The backup %1 does not exist.</source>
        <translation>备份 %1 不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a Strata workspace or backup (it is not a SQLite database).</source>
        <translation>%1 不是 Strata 工作区或备份（它不是 SQLite 数据库）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+50"/>
        <source>%1 is damaged (%2); it cannot be used as a backup.</source>
        <translation>%1 已损坏（%2）；不能用作备份。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1 is a SQLite database but not a Strata workspace or backup.</source>
        <translation>%1 是 SQLite 数据库，但不是 Strata 工作区或备份。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is an empty workspace file with no schema.</source>
        <translation>%1 是一个没有模式的空工作区文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 was made by a newer version of Strata (schema %2; this version knows up to %3). Update Strata to restore it.</source>
        <translation>%1 由更新版本的 Strata 创建（模式 %2；本版本最高支持 %3）。请更新 Strata 后再恢复它。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open %1 to sync it: %2</source>
        <translation>无法打开 %1 以同步：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The disk did not confirm %1 was written (%2).</source>
        <translation>磁盘未确认 %1 已写入（%2）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The backup written to %1 failed its check (%2); nothing was kept.</source>
        <translation>写入 %1 的备份未通过检查（%2）；未保留任何内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The backup written to %1 has schema %2 instead of %3.</source>
        <translation>写入 %1 的备份模式为 %2，而不是 %3。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot move the backup into place at %1: %2</source>
        <translation>无法将备份移动到 %1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The workspace copy could not be read: %1</source>
        <translation>无法读取工作区副本：%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The newest good backup is %1, made %2. Restore it with: strata-cli --workspace &quot;%3&quot; restore &quot;%1&quot; (or File › Restore from Backup… in Strata).</source>
        <translation>最新的完好备份是 %1，创建于 %2。恢复命令：strata-cli --workspace &quot;%3&quot; restore &quot;%1&quot;（或在 Strata 中使用“文件 › 从备份恢复”）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a workspace file.</source>
        <translation>%1 不是工作区文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is the workspace itself; choose a backup to restore.</source>
        <translation>%1 就是工作区本身；请选择一个要恢复的备份。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has a -wal file beside it: it is a workspace that is open or was not closed cleanly, and copying it alone would lose changes. Open it with Strata once (or make a backup of it with &quot;strata-cli --workspace %1 backup -o FILE&quot;) and restore that.</source>
        <translation>%1 旁边有一个 -wal 文件：它是一个正在打开或未正常关闭的工作区，只复制它本身会丢失更改。请先用 Strata 打开它一次（或用“strata-cli --workspace %1 backup -o FILE”为它做一个备份），再恢复那个文件。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot create a file in %1: %2</source>
        <translation>无法在 %1 中创建文件：%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The copy of %1 did not read back the same; nothing was changed. Check the disk.</source>
        <translation>%1 的副本读回的内容不一致；未做任何更改。请检查磁盘。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot create the backup folder %1.</source>
        <translation>无法创建备份文件夹 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot keep the current workspace before restoring: %1 Nothing was changed.</source>
        <translation>恢复前无法保存当前工作区：%1 未做任何更改。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot move %1 aside: %2. Nothing was changed.</source>
        <translation>无法将 %1 移到一旁：%2。未做任何更改。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot put the restored file in place at %1: %2. The workspace was not changed.</source>
        <translation>无法将恢复的文件放到 %1：%2。工作区未被更改。</translation>
    </message>
</context>
<context>
    <name>strata::BundleCommands</name>
    <message>
        <location filename="../app/cli/BundleCommands.cpp" line="+32"/>
        <source>export --release NAME [--questionnaire] --key KEYFILE -o FILE.zip | import FILE.zip</source>
        <translation>export --release NAME [--questionnaire] --key KEYFILE -o FILE.zip | import FILE.zip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exchange a release&apos;s assessment as a signed bundle</source>
        <translation>以签名资料包交换发布版本的评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bundle export   write the release&apos;s assessment as one .zip: the manifest, its signature
                (DSSE, Ed25519), the CycloneDX ML-BOM of the release and the evidence
                files under their SHA-256. The bundle is always signed with --key (the
                passphrase comes from STRATA_PASSPHRASE or a prompt): an importer trusts
                nothing else. The file is replaced atomically.
  --questionnaire  only the items to answer, for a supplier: no answers, findings
                or evidence of ours
bundle import   check a bundle, then merge it in one transaction: the signature must verify
                with a key this workspace trusts (strata-cli key import), every file must be
                listed with its size and SHA-256, and a bundle older than the last one from
                the same signer is refused. The exit code is 1, and nothing is written, when
                anything is wrong; the message names the entry or field.</source>
        <translation>bundle export   将发布版本的评估写成一个 .zip：清单、清单的签名（DSSE，Ed25519）、
                发布版本的 CycloneDX 机器学习物料清单，以及按 SHA-256 命名的证据文件。
                资料包总是用 --key 签名（口令来自 STRATA_PASSPHRASE 或提示输入）：
                导入方不信任任何未签名的内容。文件以原子方式替换。
  --questionnaire  只导出待回答的检查项，供供应商填写：不含我方的回答、发现项或证据
bundle import   检查资料包，然后在一个事务中合并：签名必须能用本工作区信任的密钥验证
                （strata-cli key import），每个文件都必须连同大小和 SHA-256 列出，
                早于同一签名者上一个资料包的资料包会被拒绝。出现任何问题时退出码为 1，
                不写入任何内容；消息会指出出错的归档项或字段。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the release to export (NAME or NAME@VERSION)</source>
        <translation>要导出的发布版本（NAME 或 NAME@VERSION）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export the items for a supplier to answer</source>
        <translation>导出检查项供供应商回答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KEYFILE</source>
        <translation>KEYFILE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the encrypted key file to sign with</source>
        <translation>用于签名的加密密钥文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>the .zip to write</source>
        <translation>要写入的 .zip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export|import</source>
        <translation>export|import</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;bundle export&quot; needs --release, --key and -o FILE.zip; usage: %1</source>
        <translation>“bundle export”需要 --release、--key 和 -o FILE.zip；用法：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;bundle import&quot; needs one FILE.zip and no options; usage: %1</source>
        <translation>“bundle import”需要一个 FILE.zip，且不带选项；用法：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown bundle command &quot;%1&quot;; use export or import. Usage: %2</source>
        <translation>未知的 bundle 命令“%1”；请使用 export 或 import。用法：%2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Wrote the questionnaire for %1 to %2, signed by %3.</source>
        <translation>已将 %1 的问卷写入 %2，由 %3 签名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrote the assessment bundle of %1 to %2, signed by %3.</source>
        <translation>已将 %1 的评估资料包写入 %2，由 %3 签名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assessments</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answered items</source>
        <translation>已回答的检查项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sequence</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Imported the questionnaire for %1, signed by %2 (%3).</source>
        <translation>已导入 %1 的问卷，由 %2 签名（%3）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported the assessment bundle of %1, signed by %2 (%3).</source>
        <translation>已导入 %1 的评估资料包，由 %2 签名（%3）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>records</source>
        <translation>条目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 added, %2 updated</source>
        <translation>新增 %1 个，更新 %2 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assessments created</source>
        <translation>新建的评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answers changed</source>
        <translation>变更的回答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>findings added</source>
        <translation>新增的发现项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evidence added</source>
        <translation>新增的证据</translation>
    </message>
</context>
<context>
    <name>strata::BundleController</name>
    <message>
        <location filename="../ui/BundleController.cpp" line="+25"/>
        <source>Export &amp;Bundle…</source>
        <translation>导出资料包(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a release&apos;s assessment as a signed bundle for a supplier or colleague</source>
        <translation>将发布版本的评估写成签名资料包，交给供应商或同事</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import B&amp;undle…</source>
        <translation>导入资料包(&amp;U)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check a signed bundle and merge its answers and evidence</source>
        <translation>检查签名资料包并合并其中的回答和证据</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Stop waiting for the bundle</source>
        <translation>停止等待资料包</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cancelling the export…</source>
        <translation>正在取消导出…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped waiting; an import that was still being checked writes nothing.</source>
        <translation>已停止等待；仍在检查中的导入不会写入任何内容。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This workspace has no release to export; create a release and assess it first (Edit › New Release).</source>
        <translation>此工作区没有可导出的发布版本；请先创建发布版本并进行评估（“编辑 › 新建发布版本”）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <location line="+12"/>
        <source>Export Bundle</source>
        <translation>导出资料包</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Release (NAME or NAME@VERSION):</source>
        <translation>发布版本（NAME 或 NAME@VERSION）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export a questionnaire for a supplier to answer (the items only, without our answers, findings or evidence)? Choose No to export the assessment with everything.</source>
        <translation>是否导出供供应商回答的问卷（只含检查项，不含我方的回答、发现项或证据）？选择“否”将导出包含全部内容的评估。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose Your Signing Key</source>
        <translation>选择您的签名密钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key files (*.key);;All files (*)</source>
        <translation>密钥文件 (*.key);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unlock Your Key</source>
        <translation>解锁您的密钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passphrase of %1:</source>
        <translation>%1 的口令：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bundles (*.zip)</source>
        <translation>资料包 (*.zip)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unlocking the key…</source>
        <translation>正在解锁密钥…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The key could not be read.</source>
        <translation>无法读取密钥。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bundle was not exported: the workspace was closed.</source>
        <translation>资料包未导出：工作区已关闭。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writing the bundle…</source>
        <translation>正在写入资料包…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export cancelled: %1 was not written; a file already there is unchanged.</source>
        <translation>导出已取消：未写入 %1，已有的文件保持不变。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exported %1 to %2.</source>
        <translation>已将 %1 导出到 %2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bundle Exported</source>
        <translation>资料包已导出</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The bundle of %1 was written to %2 and signed by %3: %n evidence file(s).</source>
        <translation>
            <numerusform>%1 的资料包已写入 %2，由 %3 签名：共 %n 个证据文件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import Bundle</source>
        <translation>导入资料包</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bundles (*.zip);;All files (*)</source>
        <translation>资料包 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This workspace is read-only (%1), so no bundle can be imported into it.</source>
        <translation>此工作区为只读（%1），因此无法导入资料包。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The bundle could not be checked.</source>
        <translation>无法检查资料包。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The bundle was not imported: the workspace was closed.</source>
        <translation>资料包未导入：工作区已关闭。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Imported the bundle of %1 from %2.</source>
        <translation>已导入来自 %2 的 %1 资料包。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The questionnaire for %1, signed by %2, was checked and merged.
Records: %3 added, %4 updated. Assessments created: %5.</source>
        <translation>由 %2 签名的 %1 问卷已检查并合并。
条目：新增 %3 个，更新 %4 个。新建评估：%5 个。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The assessment bundle of %1, signed by %2, was checked and merged.
Records: %3 added, %4 updated. Assessments created: %5. Answers changed: %6. Findings added: %7. Evidence files added: %8.</source>
        <translation>由 %2 签名的 %1 评估资料包已检查并合并。
条目：新增 %3 个，更新 %4 个。新建评估：%5 个。变更的回答：%6 个。新增发现项：%7 个。新增证据文件：%8 个。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bundle Imported</source>
        <translation>资料包已导入</translation>
    </message>
</context>
<context>
    <name>strata::BundleExporter</name>
    <message>
        <location filename="../app/core/bundle/BundleExporter.cpp" line="+51"/>
        <source>No file was named for the bundle; give the .zip to write.</source>
        <translation>没有指定资料包文件；请给出要写入的 .zip。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder %1 does not exist; create it, or choose another file.</source>
        <translation>文件夹 %1 不存在；请先创建它，或选择其他文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is the workspace itself; choose another file.</source>
        <translation>%1 是工作区本身；请选择其他文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not an Ed25519 key; bundles are signed with a signing identity&apos;s key (strata-cli key new).</source>
        <translation>%1 不是 Ed25519 密钥；资料包使用签名身份的密钥签名（strata-cli key new）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The key %1 belongs to no identity of this workspace; import its public key first (strata-cli key import %2.pub).</source>
        <translation>密钥 %1 不属于本工作区的任何签名身份；请先导入其公钥（strata-cli key import %2.pub）。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Release %1 has no assessment to export; create one first (strata-cli assess new --release %1).</source>
        <translation>发布版本 %1 没有可导出的评估；请先创建一个（strata-cli assess new --release %1）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The evidence &quot;%1&quot; (%2) is missing from the evidence store or has another size; run &quot;strata-cli evidence verify&quot;.</source>
        <translation>证据“%1”（%2）在证据库中缺失或大小不符；请运行“strata-cli evidence verify”。</translation>
    </message>
</context>
<context>
    <name>strata::BundleImporter</name>
    <message>
        <location filename="../app/core/bundle/BundleImporter.cpp" line="+63"/>
        <source>%1 was not imported: %2 Nothing was written.</source>
        <translation>%1 未导入：%2未写入任何内容。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>it holds no %1, so it is not a signed Strata bundle.</source>
        <translation>其中没有 %1，因此不是经过签名的 Strata 资料包。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the payload type of %1 is &quot;%2&quot;, not a Strata bundle manifest.</source>
        <translation>%1 的载荷类型是“%2”，不是 Strata 资料包清单。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 is not signed by a key this workspace trusts (the envelope names the key &quot;%2&quot;). Import the sender&apos;s public key with &quot;strata-cli key import&quot; if you trust it.</source>
        <translation>%1 不是由本工作区信任的密钥签名的（信封中标明的密钥为“%2”）。如果您信任发送方，请用“strata-cli key import”导入其公钥。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not the manifest that %2 signed.</source>
        <translation>%1 不是 %2 签名的那份清单。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the manifest names the exporter key %1, but it was signed by %2 (%3).</source>
        <translation>清单标明的导出方密钥为 %1，但签名者是 %2（%3）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the manifest lists %1 twice.</source>
        <translation>清单两次列出了 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the entry %1 is not listed in the signed manifest.</source>
        <translation>归档项 %1 未列在已签名的清单中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the entry %1 holds %2 bytes, but the manifest says %3.</source>
        <translation>归档项 %1 有 %2 字节，但清单写的是 %3 字节。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the manifest lists %1, but the archive does not hold it.</source>
        <translation>清单列出了 %1，但归档中没有它。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the manifest lists %1 with the digest %2; evidence is stored under its own digest.</source>
        <translation>清单列出的 %1 摘要为 %2；证据必须以其自身的摘要命名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it holds no %1.</source>
        <translation>其中没有 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the manifest describes evidence %1, but lists no file of that size for it.</source>
        <translation>清单描述了证据 %1，但没有列出该大小的对应文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the source address of evidence %1 is not an http or https URL.</source>
        <translation>证据 %1 的来源地址不是 http 或 https URL。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the manifest lists %1 but does not describe it as evidence.</source>
        <translation>清单列出了 %1，但没有将其描述为证据。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it has sequence %1 from %2, but sequence %3 was already imported; it is a replayed or older bundle.</source>
        <translation>它的序号为 %1（来自 %2），但已导入过序号 %3；这是重放的或较旧的资料包。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 does not have the SHA-256 the manifest lists.</source>
        <translation>%1 的 SHA-256 与清单所列不符。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the entry %1 does not have the SHA-256 the manifest lists (it hashes to %2).</source>
        <translation>归档项 %1 的 SHA-256 与清单所列不符（实际为 %2）。</translation>
    </message>
</context>
<context>
    <name>strata::BundleManifest</name>
    <message>
        <location filename="../app/core/bundle/BundleManifest.cpp" line="+64"/>
        <source>%1: the field %2 %3.</source>
        <translation>%1：字段 %2%3。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is not text</source>
        <translation>不是文本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is longer than %1 characters</source>
        <translation>超过 %1 个字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is not a whole number from %1 to %2</source>
        <translation>不是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is not a YYYY-MM-DD date</source>
        <translation>不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>is not an ISO 8601 time</source>
        <translation>不是 ISO 8601 时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+176"/>
        <source>is not 64 lowercase hexadecimal digits</source>
        <translation>不是 64 位小写十六进制数字</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>is not a list</source>
        <translation>不是列表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has more than %1 entries</source>
        <translation>超过 %1 项</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>names no kind of record</source>
        <translation>不是任何条目类型</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>%1 is not a JSON object.</source>
        <translation>%1 不是 JSON 对象。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is not &quot;strata-assessment-bundle&quot;</source>
        <translation>不是“strata-assessment-bundle”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a bundle of format version %2; this Strata reads version %3. Update Strata to import it.</source>
        <translation>%1 是格式版本 %2 的资料包；此版本的 Strata 只能读取版本 %3。请更新 Strata 后再导入。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is neither &quot;assessment&quot; nor &quot;questionnaire&quot;</source>
        <translation>既不是“assessment”也不是“questionnaire”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is not a UUID</source>
        <translation>不是 UUID</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>names no item status</source>
        <translation>不是任何检查项状态</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>holds an answer, which a questionnaire never does</source>
        <translation>含有回答，而问卷从不包含回答</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>names an assessment the bundle does not hold</source>
        <translation>指向资料包中不存在的评估</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>names no finding status</source>
        <translation>不是任何发现项状态</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>names a file a bundle cannot list</source>
        <translation>指向资料包不能列出的文件</translation>
    </message>
</context>
<context>
    <name>strata::BundleRepository</name>
    <message>
        <location filename="../app/core/storage/BundleRepository.cpp" line="+36"/>
        <source>Reading the bundle sequence of key %1</source>
        <translation>读取密钥 %1 的资料包序号</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Recording bundle %1</source>
        <translation>记录资料包 %1</translation>
    </message>
</context>
<context>
    <name>strata::BundleWriter</name>
    <message>
        <location filename="../app/core/bundle/BundleWriter.cpp" line="+81"/>
        <source>Writing the bundle %1 failed: %2. The previous file, if any, is unchanged.</source>
        <translation>写入资料包 %1 失败：%2。原有文件（如有）保持不变。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bundle %1 was not written: the export was cancelled. The previous file, if any, is unchanged.</source>
        <translation>未写入捆绑包 %1：导出已取消。原有文件（如有）保持不变。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bundle entry name &quot;%1…&quot; is %2 bytes long; zip allows at most %3.</source>
        <translation>资料包归档项名称“%1…”长 %2 字节；zip 最多允许 %3 字节。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle entry &quot;%1&quot; cannot be written: %2.</source>
        <translation>无法写入资料包归档项“%1”：%2。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bundles never hold such a name</source>
        <translation>资料包中不会出现这样的名称</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bundle entry &quot;%1&quot; is %2 bytes; a bundle entry holds at most %3.</source>
        <translation>资料包归档项“%1”有 %2 字节；一个归档项最多 %3 字节。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The bundle would hold %1 bytes; a bundle holds at most %2.</source>
        <translation>资料包将有 %1 字节；一个资料包最多 %2 字节。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 exists and is not a regular file; choose another name.</source>
        <translation>%1 已存在且不是普通文件；请选择其他名称。</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+71"/>
        <source>zip error %1</source>
        <translation>zip 错误 %1</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the entry &quot;%1&quot; could not be started (zip error %2)</source>
        <translation>无法开始写入归档项“%1”（zip 错误 %2）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the entry &quot;%1&quot; could not be written</source>
        <translation>无法写入归档项“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 changed while it was written into the bundle %2; nothing was written.</source>
        <translation>%1 在写入资料包 %2 的过程中发生了变化；未写入任何内容。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the disk did not confirm the data (%1)</source>
        <translation>磁盘未确认数据已写入（%1）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the entry &quot;%1&quot; reads back differently</source>
        <translation>归档项“%1”读回的内容不一致</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the entry &quot;%1&quot; is missing</source>
        <translation>缺少归档项“%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the written archive did not read back: %1</source>
        <translation>写入的归档无法正确读回：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 was written, but the folder could not be synced to disk (%2).</source>
        <translation>%1 已写入，但文件夹无法同步到磁盘（%2）。</translation>
    </message>
</context>
<context>
    <name>strata::Catalog</name>
    <message>
        <location filename="../app/core/checklist/Catalog.cpp" line="+71"/>
        <source>Governance</source>
        <translation>治理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sourcing</source>
        <translation>采购与准入</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+56"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Development</source>
        <translation>开发与训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluation</source>
        <translation>评测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Release</source>
        <translation>发布</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deployment</source>
        <translation>部署</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operations</source>
        <translation>运行与维护</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retirement</source>
        <translation>退役</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform and application</source>
        <translation>平台与应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Integrity</source>
        <translation>完整性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Availability</source>
        <translation>可用性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confidentiality</source>
        <translation>机密性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Controllability</source>
        <translation>可控性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
</context>
<context>
    <name>strata::CatalogCommands</name>
    <message>
        <location filename="../app/cli/CatalogCommands.cpp" line="+74"/>
        <source>list | show ID [--kind KIND] [--item ITEM] | import FILE</source>
        <translation>list | show ID [--kind KIND] [--item ITEM] | import FILE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List, show and import checklist catalogs</source>
        <translation>列出、查看和导入检查项目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>catalog list            the catalogs of the workspace, with the number of their items
catalog show ID         a catalog and its items by lifecycle stage; ID is the number from
                        &quot;catalog list&quot;, a catalog id (its newest version) or id@version
  --kind KIND           only the items that apply to records of KIND (supplier, model,
                        dataset, software, service)
  --item ITEM           one item in full: requirement, guidance, evidence and mappings
catalog import FILE     a Strata catalog (JSON or YAML) or a CISO Assistant framework
                        library (YAML); the format is read from the content
Every workspace holds the built-in WDTA AI-STR-03 catalog. An import is checked completely
before anything is stored: a file that fails changes nothing. Importing the same catalog id
and version again changes nothing; the same id and version with other content is refused.
With --json, &quot;catalog show&quot; prints the catalog in the Strata catalog format, which can be
edited, given a new version, and imported again.</source>
        <translation>catalog list            工作区中的检查项目录及其检查项数量
catalog show ID         按生命周期阶段列出某个目录及其检查项；ID 可以是“catalog list”
                        显示的编号、目录 ID（取最新版本）或 id@version
  --kind KIND           只列出适用于 KIND 类型条目的检查项（supplier、model、
                        dataset、software、service）
  --item ITEM           完整显示一个检查项：要求、指引、证据和映射
catalog import FILE     导入 Strata 目录（JSON 或 YAML）或 CISO Assistant 框架库
                        （YAML）；格式根据内容识别
每个工作区都包含内置的 WDTA AI-STR-03 目录。导入前会完整检查文件，检查不通过的文件
不会改动任何内容。再次导入相同 ID 和版本的目录不会有任何改动；ID 和版本相同但内容
不同的目录会被拒绝。
使用 --json 时，“catalog show”以 Strata 目录格式输出目录，可编辑、换用新版本号后
重新导入。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>KIND</source>
        <translation>KIND</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>show only the items that apply to records of this kind</source>
        <translation>只显示适用于此类型条目的检查项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ITEM</source>
        <translation>ITEM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>show one item in full</source>
        <translation>完整显示一个检查项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list|show|import</source>
        <translation>list|show|import</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID|FILE</source>
        <translation>ID|FILE</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;catalog list&quot; takes no arguments; usage: %1</source>
        <translation>“catalog list”不接受参数；用法：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;catalog show&quot; needs one catalog ID; usage: %1</source>
        <translation>“catalog show”需要一个目录 ID；用法：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;catalog import&quot; needs one FILE and no options; usage: %1</source>
        <translation>“catalog import”需要一个 FILE，且不接受选项；用法：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown catalog command &quot;%1&quot;; use list, show or import. Usage: %2</source>
        <translation>未知的目录命令“%1”；请使用 list、show 或 import。用法：%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No catalogs.</source>
        <translation>没有检查项目录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CATALOG</source>
        <translation>CATALOG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ITEMS</source>
        <translation>ITEMS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SOURCE</source>
        <translation>SOURCE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TITLE</source>
        <translation>TITLE</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unknown record kind &quot;%1&quot;; use one of: %2.</source>
        <translation>未知的条目类型“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Catalog %1 version %2 has no item &quot;%3&quot;; &quot;strata-cli catalog show %4&quot; lists its items.</source>
        <translation>目录 %1 版本 %2 中没有检查项“%3”；“strata-cli catalog show %4”可列出其检查项。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Item %1 does not apply to records of kind %2.</source>
        <translation>检查项 %1 不适用于 %2 类型的条目。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, built in</source>
        <translation>%1，内置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 by %2</source>
        <translation>%1（操作人：%2）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>all kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+30"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+19"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>ITEM</source>
        <comment>catalog show column</comment>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MANDATORY</source>
        <comment>catalog show column</comment>
        <translation>必选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KINDS</source>
        <comment>catalog show column</comment>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TITLE</source>
        <comment>catalog show column</comment>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No items.</source>
        <translation>没有检查项。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 version %2</source>
        <translation>%1 版本 %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>Imported catalog %1 version %2 with %n item(s) as catalog %3.</source>
        <translation>
            <numerusform>已导入目录 %1 版本 %2，共 %n 个检查项，编号为 %3。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Catalog %1 version %2 is already in the workspace (catalog %3); nothing changed.</source>
        <translation>工作区中已有目录 %1 版本 %2（编号 %3）；未作任何更改。</translation>
    </message>
</context>
<context>
    <name>strata::CatalogImporter</name>
    <message>
        <location filename="../ui/CatalogImporter.cpp" line="+19"/>
        <source>Cancel the catalog import</source>
        <translation>取消检查项目录导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;Catalog…</source>
        <translation>导入检查项目录(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a checklist catalog: Strata&apos;s format, or a CISO Assistant framework library</source>
        <translation>导入检查项目录：Strata 格式，或 CISO Assistant 框架库</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+68"/>
        <source>Import Catalog</source>
        <translation>导入检查项目录</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Checklist catalogs (*.json *.yaml *.yml);;All files (*)</source>
        <translation>检查项目录 (*.json *.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Catalog import cancelled; nothing was changed.</source>
        <translation>检查项目录导入已取消；未作任何更改。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading the catalog %1…</source>
        <translation>正在读取检查项目录 %1…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 was not imported: the workspace was closed.</source>
        <translation>%1 未导入：工作区已关闭。</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Catalog %1 version %2 was imported with %n item(s).</source>
        <translation>
            <numerusform>已导入检查项目录 %1 版本 %2，共 %n 个检查项。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog %1 version %2 is already in the workspace; nothing was changed.</source>
        <translation>检查项目录 %1 版本 %2 已在工作区中；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>strata::CatalogReader</name>
    <message>
        <location filename="../app/core/checklist/CatalogReader.cpp" line="+68"/>
        <source>The catalog file %1 does not exist.</source>
        <translation>目录文件 %1 不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a folder; give a catalog file.</source>
        <translation>%1 是文件夹；请指定目录文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is %2 MiB; a catalog may be at most %3 MiB, so the file was not imported.</source>
        <translation>%1 有 %2 MiB；目录文件最大为 %3 MiB，因此未导入该文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is larger than the %2 MiB a catalog may have, so it was not imported.</source>
        <translation>%1 超过了目录文件允许的 %2 MiB，因此未导入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is empty, so it holds no catalog.</source>
        <translation>%1 是空文件，不包含任何目录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, line %2: the JSON nests deeper than %3 levels; a catalog needs far fewer, so the file was not imported.</source>
        <translation>%1，第 %2 行：JSON 嵌套超过 %3 层；目录远不需要这么深的嵌套，因此未导入该文件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, line %2: the JSON is malformed (%3); the catalog was not imported.</source>
        <translation>%1，第 %2 行：JSON 格式错误（%3）；未导入该目录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the JSON document is a list; a catalog is an object with &quot;format&quot; and &quot;items&quot; fields.</source>
        <translation>%1：该 JSON 文档是列表；目录应是带有“format”和“items”字段的对象。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 is not a catalog: it has neither a &quot;format&quot; field (a Strata catalog) nor &quot;objects.framework.requirement_nodes&quot; (a CISO Assistant library).</source>
        <translation>%1 不是目录：它既没有“format”字段（Strata 目录），也没有“objects.framework.requirement_nodes”（CISO Assistant 框架库）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2; the catalog was not imported.</source>
        <translation>%1：%2；未导入该目录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the catalog needs an id of 1 to 128 characters</source>
        <translation>目录需要长度为 1 到 128 个字符的 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the catalog needs a version of 1 to 64 characters</source>
        <translation>目录需要长度为 1 到 64 个字符的版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the catalog lists no language</source>
        <translation>目录未列出任何语言</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the catalog&apos;s title is missing in one of its languages (%1)</source>
        <translation>目录标题缺少其所列语言（%1）中的某一种</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../app/core/checklist/StrataCatalogParser.cpp" line="+499"/>
        <source>the catalog has no items</source>
        <translation>目录中没有检查项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an item has no id</source>
        <translation>有一个检查项没有 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the item id &quot;%1&quot; is used twice</source>
        <translation>检查项 ID“%1”被使用了两次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>item %1 applies to no record kind</source>
        <translation>检查项 %1 未适用于任何条目类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>item %1 lists a record kind twice</source>
        <translation>检查项 %1 重复列出了同一条目类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>item %1 lacks a title or requirement in one of the catalog&apos;s languages (%2)</source>
        <translation>检查项 %1 缺少目录所列语言（%2）之一的标题或要求</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>item %1 maps to the undeclared framework &quot;%2&quot;</source>
        <translation>检查项 %1 映射到了未声明的框架“%2”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>item %1: &quot;%2&quot; is not a well-formed %3 reference</source>
        <translation>检查项 %1：“%2”不是格式正确的 %3 引用</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The built-in catalog %1 is missing from this build.</source>
        <translation>此版本的程序中缺少内置目录 %1。</translation>
    </message>
    <message>
        <location filename="../app/core/checklist/CatalogYaml.cpp" line="+82"/>
        <source>an alias refers to an anchor that is not defined before it</source>
        <translation>某个别名引用了在其之前未定义的锚点</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1, line %2: %3; the catalog was not imported.</source>
        <translation>%1，第 %2 行：%3；未导入该目录。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a key in %1 is empty, a list or a mapping; keys must be plain text</source>
        <translation>%1 中有一个键为空、列表或映射；键必须是纯文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the key &quot;%1&quot; appears twice in %2</source>
        <translation>键“%1”在 %2 中出现了两次</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the document expands to more than %1 values or %2 MiB of text once its aliases are followed</source>
        <translation>展开别名后，文档包含超过 %1 个值或 %2 MiB 的文本</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+37"/>
        <source>%1 nests deeper than %2 levels</source>
        <translation>%1 的嵌套超过 %2 层</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>the document is a list; a catalog is a mapping of keys to values</source>
        <translation>文档是列表；目录应是键值映射</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the document is a single value; a catalog is a mapping of keys to values</source>
        <translation>文档是单个值；目录应是键值映射</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1, line %2, column %3: the YAML is malformed: %4. Fix the file and import it again.</source>
        <translation>%1，第 %2 行第 %3 列：YAML 格式错误：%4。请修正文件后重新导入。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: the YAML could not be read (%2).</source>
        <translation>%1：无法读取该 YAML（%2）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the file is empty or holds no YAML document; a catalog is a mapping of keys to values.</source>
        <translation>%1：文件为空或不含 YAML 文档；目录应是键值映射。</translation>
    </message>
    <message>
        <location filename="../app/core/checklist/CisoAssistantLibrary.cpp" line="+122"/>
        <location filename="../app/core/checklist/StrataCatalogParser.cpp" line="-358"/>
        <source>%1, line %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2: %3. The CISO Assistant library was not imported.</source>
        <translation>%1：%2：%3。未导入该 CISO Assistant 框架库。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a CISO Assistant library needs a list of requirement nodes here</source>
        <translation>CISO Assistant 框架库此处需要一个要求节点列表</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the library has no urn, which Strata uses as the catalog id</source>
        <translation>该框架库没有 urn，而 Strata 用它作为目录 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; cannot be used as a catalog id: use letters, digits and . _ : -, at most 128 characters</source>
        <translation>“%1”不能用作目录 ID：请使用字母、数字和 . _ : -，最多 128 个字符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the library has no version; CISO Assistant libraries number their versions</source>
        <translation>该框架库没有版本；CISO Assistant 框架库都有版本编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the version is longer than 64 characters</source>
        <translation>版本超过 64 个字符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not a language code such as en or fr</source>
        <translation>“%1”不是 en 或 fr 这样的语言代码</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the library has %1 requirement nodes; at most %2 are allowed</source>
        <translation>该框架库有 %1 个要求节点；最多允许 %2 个</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a requirement node must be a mapping</source>
        <translation>要求节点必须是映射</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the node has no urn</source>
        <translation>该节点没有 urn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; cannot be used as an item id: use letters, digits and . _ : / -, at most 200 characters</source>
        <translation>“%1”不能用作检查项 ID：请使用字母、数字和 . _ : / -，最多 200 个字符</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the urn &quot;%1&quot; is already used by %2[%3]</source>
        <translation>urn“%1”已被 %2[%3] 使用</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; names no earlier node; a parent must be listed before its children</source>
        <translation>“%1”没有指向之前的任何节点；父节点必须列在其子节点之前</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the assessable node %1 has no name, description or question</source>
        <translation>可评估节点 %1 没有名称、描述或问题</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../app/core/checklist/StrataCatalogParser.cpp" line="+31"/>
        <source>the text is %1 characters long; at most %2 are allowed</source>
        <translation>文本长 %1 个字符；最多允许 %2 个</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>none of the %n requirement node(s) is assessable, so there is nothing to check</source>
        <translation>
            <numerusform>%n 个要求节点中没有可评估的节点，因此没有可检查的内容</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/core/checklist/StrataCatalogParser.cpp" line="-105"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing</source>
        <translation>空值</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 (item %2)</source>
        <translation>%1（检查项 %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2: %3. The catalog was not imported.</source>
        <translation>%1：%2：%3。未导入该目录。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>unknown field; the fields here are %1 (keys starting with _ or x- are ignored)</source>
        <translation>未知字段；此处可用的字段为 %1（以 _ 或 x- 开头的键会被忽略）</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+22"/>
        <location line="+50"/>
        <location line="+256"/>
        <source>this field is required</source>
        <translation>此字段为必填项</translation>
    </message>
    <message>
        <location line="-326"/>
        <location line="+82"/>
        <source>expected text, found %1</source>
        <translation>应为文本，实际为%1</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>this field is required and may not be empty</source>
        <translation>此字段为必填项，不能为空</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 languages are given; at most %2 are allowed</source>
        <translation>给出了 %1 种语言；最多允许 %2 种</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a language code such as en, fr or zh_CN</source>
        <translation>“%1”不是 en、fr 或 zh_CN 这样的语言代码</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected text or an object of texts by language, found %1</source>
        <translation>应为文本或按语言组织的文本对象，实际为%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the %1 text is missing; every text needs each language the catalog lists (%2)</source>
        <translation>缺少 %1 文本；每段文本都需要包含目录所列的每种语言（%2）</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+86"/>
        <location line="+169"/>
        <source>expected a list, found %1</source>
        <translation>应为列表，实际为%1</translation>
    </message>
    <message>
        <location line="-252"/>
        <source>the list is empty; give at least one of: %1</source>
        <translation>列表为空；请至少给出以下之一：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+85"/>
        <source>the list has %1 entries; at most %2 are allowed</source>
        <translation>列表有 %1 项；最多允许 %2 项</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>&quot;%1&quot; is not allowed here; use one of: %2</source>
        <translation>此处不允许使用“%1”；请使用以下之一：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>“%1”被列出了两次</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&quot;%1&quot; is not a Strata catalog format; it must be &quot;%2&quot;</source>
        <translation>“%1”不是 Strata 目录格式；必须为“%2”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected a whole number such as 1, found %1</source>
        <translation>应为 1 这样的整数，实际为%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file uses catalog format %1, but this version of Strata reads format %2 only; update Strata to import it</source>
        <translation>该文件使用目录格式 %1，但此版本的 Strata 只能读取格式 %2；请更新 Strata 后再导入</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a catalog id: use letters, digits and . _ : -, starting with a letter or digit, at most 128 characters</source>
        <translation>“%1”不是有效的目录 ID：请使用字母、数字和 . _ : -，以字母或数字开头，最多 128 个字符</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the version contains control characters</source>
        <translation>版本中含有控制字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>language codes such as en or zh_CN</source>
        <translation>en 或 zh_CN 这样的语言代码</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+28"/>
        <location line="+75"/>
        <source>expected an object, found %1</source>
        <translation>应为对象，实际为%1</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>&quot;%1&quot; is not a framework id: use lowercase letters, digits, . and -</source>
        <translation>“%1”不是有效的框架 ID：请使用小写字母、数字、. 和 -</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the framework &quot;%1&quot; is declared twice</source>
        <translation>框架“%1”被声明了两次</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>expected an object of framework ids to lists of references, found %1</source>
        <translation>应为从框架 ID 到引用列表的对象，实际为%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the framework &quot;%1&quot; is not declared; add it to &quot;frameworks&quot; with its version</source>
        <translation>框架“%1”未声明；请将其连同版本加入“frameworks”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the framework &quot;%1&quot; is not declared in &quot;frameworks&quot; (declared: %2)</source>
        <translation>框架“%1”未在“frameworks”中声明（已声明：%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>text of at most %1 characters</source>
        <translation>不超过 %1 个字符的文本</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; belongs to the %2 edition, but owasp-llm is declared as version %3</source>
        <translation>“%1”属于 %2 版，但 owasp-llm 声明的版本为 %3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&quot;%1&quot; is not an item id: use letters, digits and . _ : / -, starting with a letter or digit, at most 200 characters</source>
        <translation>“%1”不是有效的检查项 ID：请使用字母、数字和 . _ : / -，以字母或数字开头，最多 200 个字符</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;%1&quot; is not a lifecycle stage; use one of: %2</source>
        <translation>“%1”不是生命周期阶段；请使用以下之一：%2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>expected true or false, found %1</source>
        <translation>应为 true 或 false，实际为%1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the catalog has %1 items; at most %2 are allowed</source>
        <translation>目录有 %1 个检查项；最多允许 %2 个</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the id &quot;%1&quot; is already used by items[%2]; item ids must be unique (compared without regard to case)</source>
        <translation>ID“%1”已被 items[%2] 使用；检查项 ID 必须唯一（比较时不区分大小写）</translation>
    </message>
</context>
<context>
    <name>strata::CatalogRepository</name>
    <message>
        <location filename="../app/core/storage/CatalogRepository.cpp" line="+115"/>
        <source>Looking up the catalog %1 version %2</source>
        <translation>查找目录 %1 版本 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Looking up a catalog by its file digest</source>
        <translation>按文件摘要查找目录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Storing the catalog %1 version %2</source>
        <translation>保存目录 %1 版本 %2</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+6"/>
        <source>%1 (item %2)</source>
        <translation>%1（检查项 %2）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Listing the catalogs</source>
        <translation>列出目录</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Looking up the catalog %1</source>
        <translation>查找目录 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading catalog %1</source>
        <translation>读取目录 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no catalog with the id %1; &quot;strata-cli catalog list&quot; shows the catalogs.</source>
        <translation>不存在编号为 %1 的目录；“strata-cli catalog list”可列出所有目录。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reading the items of catalog %1</source>
        <translation>读取目录 %1 的检查项</translation>
    </message>
</context>
<context>
    <name>strata::CliApplication</name>
    <message>
        <location filename="../app/cli/CliApplication.cpp" line="+55"/>
        <source>[COMMAND]</source>
        <translation>[COMMAND]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the commands, or the options of one command</source>
        <translation>显示命令列表，或某一命令的选项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>COMMAND</source>
        <translation>COMMAND</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No command was given; run &quot;strata-cli --help&quot; for the list of commands.</source>
        <translation>未指定命令；运行“strata-cli --help”查看命令列表。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Unknown command &quot;%1&quot;; run &quot;strata-cli --help&quot; for the list of commands.</source>
        <translation>未知命令“%1”；运行“strata-cli --help”查看命令列表。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Usage: strata-cli [--workspace PATH] [--json] [--lang LOCALE] COMMAND [ARGS]</source>
        <translation>用法：strata-cli [--workspace PATH] [--json] [--lang LOCALE] COMMAND [ARGS]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keeps the inventory of an LLM supply chain in a Strata workspace file.</source>
        <translation>在 Strata 工作区文件中维护大模型供应链的资产清单。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Global options:</source>
        <translation>全局选项：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>workspace file (default: the one the Strata app opens)</source>
        <translation>工作区文件（默认：Strata 应用打开的工作区）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>print JSON on stdout instead of text for people</source>
        <translation>在标准输出上打印 JSON，而非供人阅读的文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>language of messages, such as en or zh_CN (default: the system&apos;s)</source>
        <translation>消息语言，如 en 或 zh_CN（默认：系统语言）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>show this help, or a command&apos;s help after the command</source>
        <translation>显示本帮助；放在命令之后则显示该命令的帮助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>show the versions of Strata and of the libraries it uses</source>
        <translation>显示 Strata 及其所用库的版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exit codes: 0 success, 1 the operation failed, 2 bad usage.</source>
        <translation>退出码：0 表示成功，1 表示操作失败，2 表示用法错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run &quot;strata-cli help COMMAND&quot; for the arguments of a command.</source>
        <translation>运行“strata-cli help COMMAND”查看某一命令的参数。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Usage: strata-cli [global options] %1</source>
        <translation>用法：strata-cli [全局选项] %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
</context>
<context>
    <name>strata::CommandLine</name>
    <message>
        <location filename="../app/cli/CommandLine.cpp" line="+113"/>
        <source>Unknown command &quot;%1&quot;; run &quot;strata-cli --help&quot; for the list of commands.</source>
        <translation>未知命令“%1”；运行“strata-cli --help”查看命令列表。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Option --%1 needs a value (%2).</source>
        <translation>选项 --%1 需要一个值（%2）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+24"/>
        <source>Option --%1 does not take a value.</source>
        <translation>选项 --%1 不接受值。</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Option --%1 may be given only once.</source>
        <translation>选项 --%1 只能指定一次。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LOCALE</source>
        <translation>LOCALE</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unknown option %1 for &quot;%2&quot;; run &quot;strata-cli help %2&quot; for its options.</source>
        <translation>“%2”没有选项 %1；运行“strata-cli help %2”查看其选项。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown option %1; run &quot;strata-cli --help&quot; for the options.</source>
        <translation>未知选项 %1；运行“strata-cli --help”查看可用选项。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; needs %2; usage: %3</source>
        <translation>“%1”需要 %2；用法：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unexpected argument &quot;%1&quot;; usage: %2</source>
        <translation>多余的参数“%1”；用法：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; needs --%2 %3; usage: %4</source>
        <translation>“%1”需要 --%2 %3；用法：%4</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The folder %1 does not exist; create it, or choose another file with -o.</source>
        <translation>文件夹 %1 不存在；请先创建它，或用 -o 选择其他文件。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No passphrase: set STRATA_PASSPHRASE, or run the command on a terminal to be asked.</source>
        <translation>没有口令：请设置 STRATA_PASSPHRASE，或在终端中运行命令以便输入口令。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passphrase: </source>
        <translation>口令：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase again: </source>
        <translation>再次输入口令：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two passphrases differ; nothing was written.</source>
        <translation>两次输入的口令不同；未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>strata::CycloneDxReader</name>
    <message>
        <location filename="../app/core/interop/CycloneDxChecks.cpp" line="+77"/>
        <location filename="../app/core/interop/CycloneDxComponents.cpp" line="+97"/>
        <location filename="../app/core/interop/CycloneDxReader.cpp" line="+84"/>
        <location line="+79"/>
        <source>The import of %1 was cancelled.</source>
        <translation>%1 的导入已取消。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the JSON nests deeper than %1 levels, more than an import may; flatten the document or raise the depth limit.</source>
        <translation>JSON 嵌套超过 %1 层，超出导入允许的深度；请减少文档的嵌套层级，或提高深度限制。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>a text of %1 characters is longer than the %2 an import accepts; shorten it or raise the string limit.</source>
        <translation>某段文本长达 %1 个字符，超过导入允许的 %2 个；请缩短该文本，或提高字符串长度限制。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a bom-ref must be a string.</source>
        <translation>bom-ref 必须是字符串。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a bom-ref must not be empty; give the element a unique bom-ref or remove the key.</source>
        <translation>bom-ref 不能为空；请为该元素指定唯一的 bom-ref，或删除此键。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>hashes must be an array of {alg, content} objects.</source>
        <translation>hashes 必须是由 {alg, content} 对象组成的数组。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not a CycloneDX hash algorithm (MD5, SHA-1, SHA-256, SHA-384, SHA-512, SHA3-256, SHA3-384, SHA3-512, BLAKE2b-256, BLAKE2b-384, BLAKE2b-512, BLAKE3).</source>
        <translation>“%1”不是 CycloneDX 哈希算法（MD5、SHA-1、SHA-256、SHA-384、SHA-512、SHA3-256、SHA3-384、SHA3-512、BLAKE2b-256、BLAKE2b-384、BLAKE2b-512、BLAKE3）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a %1 digest is %2 hexadecimal characters; &quot;%3&quot; is not. Fix or remove the hash.</source>
        <translation>%1 摘要应为 %2 个十六进制字符，“%3”不符合。请修正或删除该哈希。</translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../app/core/interop/CycloneDxComponents.cpp" line="-6"/>
        <source>%1, at %2: %3</source>
        <translation>%1，位置 %2：%3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the bom-ref &quot;%1&quot; is already used at %2; every bom-ref must be unique in a BOM. Rename one of them.</source>
        <translation>bom-ref“%1”已在 %2 处使用；同一 BOM 中的 bom-ref 必须唯一。请重命名其中之一。</translation>
    </message>
    <message>
        <location filename="../app/core/interop/CycloneDxComponents.cpp" line="+149"/>
        <location filename="../app/core/interop/CycloneDxLinks.cpp" line="+393"/>
        <source>a property needs a name.</source>
        <translation>属性必须有名称。</translation>
    </message>
    <message>
        <location filename="../app/core/interop/CycloneDxLinks.cpp" line="+7"/>
        <source>&quot;%1&quot; is not of the form strata:supplier:&lt;id&gt;:&lt;field&gt;.</source>
        <translation>“%1”不符合 strata:supplier:&lt;id&gt;:&lt;field&gt; 格式。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the supplier %1 has no name; add a property %1:name.</source>
        <translation>供应商 %1 没有名称；请添加属性 %1:name。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is also the bom-ref of an element of the BOM; rename the element.</source>
        <translation>%1 同时也是 BOM 中某个元素的 bom-ref；请重命名该元素。</translation>
    </message>
    <message>
        <location filename="../app/core/interop/CycloneDxComponents.cpp" line="-69"/>
        <source>the tool components must be an array.</source>
        <translation>工具组件必须是数组。</translation>
    </message>
    <message>
        <location line="+35"/>
        <location filename="../app/core/interop/CycloneDxLinks.cpp" line="-262"/>
        <source>%1 must be an organization object.</source>
        <translation>%1 必须是组织（organization）对象。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the component type is missing; every component states one, such as &quot;library&quot;.</source>
        <translation>缺少组件类型；每个组件都必须声明类型，例如“library”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a CycloneDX component type; use application, framework, library, container, platform, operating-system, device, device-driver, firmware, file, machine-learning-model, data or cryptographic-asset.</source>
        <translation>“%1”不是 CycloneDX 组件类型；请使用 application、framework、library、container、platform、operating-system、device、device-driver、firmware、file、machine-learning-model、data 或 cryptographic-asset。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the name is missing; every component needs one.</source>
        <translation>缺少名称；每个组件都必须有名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name is empty; every component needs one.</source>
        <translation>名称为空；每个组件都必须有名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../app/core/interop/CycloneDxLinks.cpp" line="+67"/>
        <source>the version must be a string (write &quot;1.0&quot;, not 1.0).</source>
        <translation>版本必须是字符串（应写作 &quot;1.0&quot;，而非 1.0）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>properties must be an array.</source>
        <translation>properties 必须是数组。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>components are nested more than %1 levels deep here, more than an import accepts; flatten the BOM or raise the depth limit.</source>
        <translation>此处组件嵌套超过 %1 层，超出导入允许的深度；请减少 BOM 的嵌套层级，或提高深度限制。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../app/core/interop/CycloneDxLinks.cpp" line="+6"/>
        <source>the BOM describes more than %1 components and services, more than an import accepts; split it or raise the record limit.</source>
        <translation>该 BOM 描述的组件和服务超过 %1 个，超出导入允许的数量；请拆分该 BOM，或提高条目数量限制。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a component must be a JSON object.</source>
        <translation>组件必须是 JSON 对象。</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>this must be an array of components.</source>
        <translation>此处必须是组件数组。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>pedigree must be an object.</source>
        <translation>pedigree 必须是对象。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>strata:ref names &quot;%1&quot;, which is not the bom-ref of any element of the BOM.</source>
        <translation>strata:ref 指向“%1”，但它不是 BOM 中任何元素的 bom-ref。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>%1 already has a file named &quot;%2&quot;; this one was kept in its extras (&quot;cyclonedx.files&quot;).</source>
        <translation>%1 已有名为“%2”的文件；此文件已保留在其扩展数据（“cyclonedx.files”）中。</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>the property %1 does not hold the JSON Strata writes; it was ignored.</source>
        <translation>属性 %1 的内容不是 Strata 写入的 JSON 格式，已忽略。</translation>
    </message>
    <message>
        <location filename="../app/core/interop/CycloneDxLinks.cpp" line="-208"/>
        <source>modelCard must be an object.</source>
        <translation>modelCard 必须是对象。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>modelParameters must be an object.</source>
        <translation>modelParameters 必须是对象。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>datasets must be an array.</source>
        <translation>datasets 必须是数组。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a dataset must be an object: {&quot;ref&quot;: ...} or a dataset description.</source>
        <translation>数据集必须是对象：{&quot;ref&quot;: ...} 或数据集描述。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not the bom-ref of any component in the BOM; add the dataset component or remove the reference.</source>
        <translation>“%1”不是 BOM 中任何组件的 bom-ref；请添加该数据集组件，或删除此引用。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+38"/>
        <source>&quot;%1&quot; is not a data type; use source-code, configuration, dataset, definition or other.</source>
        <translation>“%1”不是有效的数据类型；请使用 source-code、configuration、dataset、definition 或 other。</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>a dataset described without a usable name stays only in the model card: %1</source>
        <translation>某数据集的描述中没有可用的名称，仅保留在模型卡片中：%1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>data must be an array.</source>
        <translation>data 必须是数组。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the supplier &quot;%1&quot; was not imported: %2</source>
        <translation>供应商“%1”未导入：%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>strata:provided_by names &quot;%1&quot;, which no strata:supplier property of the BOM describes.</source>
        <translation>strata:provided_by 指向“%1”，但 BOM 中没有描述它的 strata:supplier 属性。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>authors must be an array of contacts.</source>
        <translation>authors 必须是联系人数组。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>strata:%1 names &quot;%2&quot;, which is not the bom-ref of any element of the BOM.</source>
        <translation>strata:%1 指向“%2”，但它不是 BOM 中任何元素的 bom-ref。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a service must be a JSON object.</source>
        <translation>服务必须是 JSON 对象。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the name is missing; every service needs one.</source>
        <translation>缺少名称；每个服务都必须有名称。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>services are nested more than %1 levels deep here, more than an import accepts; flatten the BOM or raise the depth limit.</source>
        <translation>此处服务嵌套超过 %1 层，超出导入允许的深度；请减少 BOM 的嵌套层级，或提高深度限制。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>services must be an array.</source>
        <translation>services 必须是数组。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&quot;%1&quot; is not a component, service or dataset Strata imports; the relation was skipped.</source>
        <translation>“%1”不是 Strata 会导入的组件、服务或数据集，已跳过该关系。</translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>(%n more)</source>
        <translation>
            <numerusform>（省略 %n 项）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the dependencies form a cycle: %1. Strata keeps every edge and never follows one forever; check whether the cycle is intended.</source>
        <translation>依赖关系构成循环：%1。Strata 会保留每一条边，且不会无限循环遍历；请确认该循环是否有意为之。</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n more dependency cycle(s) were not listed.</source>
        <translation>
            <numerusform>另有 %n 个依赖循环未列出。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/core/interop/CycloneDxMapping.cpp" line="+96"/>
        <source>the %1 was kept in the record&apos;s extras (&quot;cyclonedx.unmapped&quot;) instead: %2</source>
        <translation>%1已改为保留在条目的扩展数据（“cyclonedx.unmapped”）中：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+68"/>
        <source>%n tag(s) longer than 50 characters, containing a comma or beyond the 50th were kept in the record&apos;s extras (&quot;cyclonedx.unmapped&quot;).</source>
        <translation>
            <numerusform>有 %n 个标签因超过 50 个字符、含有逗号或排在第 50 个之后，已保留在条目的扩展数据（“cyclonedx.unmapped”）中。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+288"/>
        <location line="+61"/>
        <source>a record needs a name.</source>
        <translation>条目必须有名称。</translation>
    </message>
    <message>
        <location filename="../app/core/interop/CycloneDxReader.cpp" line="-129"/>
        <source>the key is missing; a CycloneDX BOM states &quot;bomFormat&quot;: &quot;CycloneDX&quot;.</source>
        <translation>缺少该键；CycloneDX BOM 必须声明 &quot;bomFormat&quot;: &quot;CycloneDX&quot;。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not &quot;CycloneDX&quot;; this file is not a CycloneDX BOM.</source>
        <translation>“%1”不是“CycloneDX”；该文件不是 CycloneDX BOM。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CycloneDX %1 is not supported; Strata reads specVersion 1.4, 1.5, 1.6 and 1.7. Convert the BOM with the CycloneDX CLI first.</source>
        <translation>不支持 CycloneDX %1；Strata 可读取 specVersion 为 1.4、1.5、1.6 和 1.7 的 BOM。请先用 CycloneDX CLI 转换该 BOM。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>metadata must be an object.</source>
        <translation>metadata 必须是对象。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not an RFC 3339 date-time; write it like 2025-10-24T16:43:02Z.</source>
        <translation>“%1”不是 RFC 3339 日期时间；请按 2025-10-24T16:43:02Z 的格式填写。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 must be an array.</source>
        <translation>%1 必须是数组。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a reference must be a non-empty bom-ref.</source>
        <translation>引用必须是非空的 bom-ref。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not the bom-ref of any component or service in the BOM; add the component or remove the dependency.</source>
        <translation>“%1”不是 BOM 中任何组件或服务的 bom-ref；请添加该组件，或删除此依赖。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a dependency must be an object.</source>
        <translation>依赖项必须是对象。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the key is missing; every dependency names the component it describes in &quot;ref&quot;.</source>
        <translation>缺少该键；每个依赖项都必须在“ref”中指明它所描述的组件。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 must be an array of bom-refs.</source>
        <translation>%1 必须是 bom-ref 数组。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 is %2 MB, more than the %3 MB an import may be; split the document.</source>
        <translation>%1 大小为 %2 MB，超过单次导入上限 %3 MB；请拆分该文档。</translation>
    </message>
    <message>
        <location filename="../app/core/interop/CycloneDxElements.cpp" line="+19"/>
        <source>%1 is not valid JSON: %2 at byte %3. Check that the file is complete and was saved as UTF-8.</source>
        <translation>%1 不是有效的 JSON：%2（位于第 %3 字节）。请检查文件是否完整、是否以 UTF-8 编码保存。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1 is not a CycloneDX BOM: the JSON document is not an object.</source>
        <translation>%1 不是 CycloneDX BOM：该 JSON 文档不是对象。</translation>
    </message>
    <message>
        <location filename="../app/core/interop/CycloneDxStream.cpp" line="+48"/>
        <source>%1 gave %2 records when it was applied, %3 when it was read; nothing was imported.</source>
        <translation>%1 在应用时给出 %2 条记录，读取时为 %3 条；未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>strata::Database</name>
    <message>
        <location filename="../app/core/storage/Database.cpp" line="+142"/>
        <source>No workspace file was given.</source>
        <translation>未指定工作区文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The workspace %1 does not exist. Check the path, or create it with &quot;strata-cli init&quot;.</source>
        <translation>工作区 %1 不存在。请检查路径，或用“strata-cli init”创建。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a folder, not a workspace file.</source>
        <translation>%1 是文件夹，不是工作区文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The folder %1 does not exist; create it first or choose another location.</source>
        <translation>文件夹 %1 不存在；请先创建该文件夹，或选择其他位置。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The workspace %1 is already open in %2 (process %3 on %4). Close it there first, or open another workspace.</source>
        <translation>工作区 %1 已在 %2 中打开（%4 上的进程 %3）。请先在那里关闭它，或打开其他工作区。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another program</source>
        <translation>另一个程序</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The disk is full: the lock file %1.lock cannot be written, so the workspace cannot be opened. Free some space and try again.</source>
        <translation>磁盘已满：无法写入锁文件 %1.lock，因此无法打开工作区。请释放一些空间后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot create the lock file %1.lock: check that the folder is writable and that the disk has free space and reports no errors.</source>
        <translation>无法创建锁文件 %1.lock：请检查该文件夹是否可写，以及磁盘是否有可用空间且未报告错误。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is empty, so it is not a Strata workspace. Choose another file, or delete it and create a new workspace.</source>
        <translation>%1 是空文件，不是 Strata 工作区。请选择其他文件，或删除它后新建工作区。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a Strata workspace (it is not a SQLite database). It was left unchanged.</source>
        <translation>%1 不是 Strata 工作区（它不是 SQLite 数据库）。该文件未作任何改动。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Opening %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Opening %1 read-only</source>
        <translation>以只读方式打开 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This workspace was made by a newer version of Strata (schema %1; this version knows up to %2). It is open read-only; update Strata to edit it.</source>
        <translation>此工作区由较新版本的 Strata 创建（模式版本 %1；当前版本最高支持 %2）。已以只读方式打开；如需编辑，请升级 Strata。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 uses an older schema (%2; this version writes %3), and it was opened only to be read. Open it once in Strata or with any other strata-cli command to upgrade it, then try again.</source>
        <translation>%1 使用较旧的模式（%2；此版本写入 %3），而它仅以只读方式打开。请先在 Strata 中或用任意其他 strata-cli 命令打开一次以完成升级，然后重试。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 was opened read-only, to be checked without being written.</source>
        <translation>%1 已以只读方式打开，仅作检查，不会写入。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Locking %1</source>
        <translation>锁定 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is damaged or is not a Strata workspace (%2). It was left unchanged; restore it from a backup.</source>
        <translation>%1 已损坏或不是 Strata 工作区（%2）。该文件未作改动；请从备份中恢复。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The workspace %1 is in use by another program, perhaps opened under another name such as a hard link. Close it there first, or open another workspace.</source>
        <translation>工作区 %1 正被另一个程序使用，可能是通过其他名称（例如硬链接）打开的。请先在那里关闭它，或打开其他工作区。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is a SQLite database but not a Strata workspace. It was left unchanged.</source>
        <translation>%1 是 SQLite 数据库，但不是 Strata 工作区。该文件未作改动。</translation>
    </message>
    <message>
        <location line="-50"/>
        <location line="+76"/>
        <source>Configuring %1 (%2)</source>
        <translation>配置 %1（%2）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>SQLite refused the settings Strata needs for %1 (%2); the file system may not support them. Move the workspace to a local disk.</source>
        <translation>SQLite 拒绝了 Strata 为 %1 所需的设置（%2），可能是文件系统不支持。请将工作区移到本地磁盘。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Strata backs up a workspace before upgrading it, and the backup failed: %1 The workspace was not changed.</source>
        <translation>Strata 在升级工作区之前会先备份它，但备份失败：%1 工作区未被更改。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The schema migration %1 is missing from this build.</source>
        <translation>当前构建缺少模式迁移 %1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+6"/>
        <location line="+11"/>
        <source>Upgrading the workspace to schema %1</source>
        <translation>将工作区升级到模式版本 %1</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Upgrading the workspace to schema %1 found a row in %2 that refers to a missing row; the workspace was not changed. Restore it from a backup.</source>
        <translation>将工作区升级到模式版本 %1 时，发现 %2 中有一行引用了不存在的行；工作区未作更改。请从备份恢复工作区。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Foreign keys of %1 could not be turned on again after the upgrade; close Strata and open the workspace again.</source>
        <translation>升级后无法重新启用 %1 的外键约束；请关闭 Strata 后重新打开该工作区。</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+11"/>
        <source>The disk is full; free some space and try again.</source>
        <translation>磁盘已满；请释放部分空间后重试。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The workspace reached the largest file this session may write (its file size limit, ulimit -f); nothing was changed. Raise the limit and try again.</source>
        <translation>工作区文件已达到本会话允许写入的最大大小（文件大小限制，ulimit -f）；未做任何更改。请提高该限制后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The disk reported an error; nothing was changed.</source>
        <translation>磁盘报告了错误；未作任何更改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Another program holds the workspace.</source>
        <translation>另一个程序正在占用该工作区。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The workspace file is damaged; restore it from a backup.</source>
        <translation>工作区文件已损坏；请从备份中恢复。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The workspace is read-only.</source>
        <translation>该工作区为只读。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 failed: %2</source>
        <translation>操作“%1”失败：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2</source>
        <translation>%1。%2</translation>
    </message>
    <message>
        <location filename="../app/core/storage/DatabaseBackup.cpp" line="+33"/>
        <source>A backup cannot be made while a change is being written; try again.</source>
        <translation>正在写入更改时无法备份；请稍后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backing up %1</source>
        <translation>正在备份 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backing up %1 to %2</source>
        <translation>正在将 %1 备份到 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No backup file was given.</source>
        <translation>未指定备份文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder %1 does not exist; create it first or choose another one.</source>
        <translation>文件夹 %1 不存在；请先创建它或选择其他文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a file; choose another name.</source>
        <translation>%1 不是文件；请换一个名称。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is the open workspace itself (or one of its files); a backup must go to another file.</source>
        <translation>%1 就是当前打开的工作区（或它的某个文件）；备份必须写到另一个文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is a workspace with unsaved changes in its -wal file (open, or not closed cleanly); replacing it would damage it. Choose another name.</source>
        <translation>%1 是一个在 -wal 文件中有未保存更改的工作区（正在打开或未正常关闭）；替换它会损坏它。请换一个名称。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot create a file in %1: %2</source>
        <translation>无法在 %1 中创建文件：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot create the backup folder %1; check that its folder is writable.</source>
        <translation>无法创建备份文件夹 %1；请检查其所在文件夹是否可写。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The backup %1 was written but cannot be found again.</source>
        <translation>备份 %1 已写入，但无法再次找到。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 already exists.</source>
        <translation>%1 已存在。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace connection is not open.</source>
        <translation>工作区连接未打开。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Copying the workspace for a check failed: %1</source>
        <translation>为检查而复制工作区失败：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking %1</source>
        <translation>正在检查 %1</translation>
    </message>
</context>
<context>
    <name>strata::DemoWorkspace</name>
    <message numerus="yes">
        <location filename="../app/core/demo/DemoWorkspace.cpp" line="+37"/>
        <source>The demo goes into an empty workspace; %1 already holds %n record(s). Choose a new file for the demo.</source>
        <translation>
            <numerusform>演示数据只能放入空工作区，而 %1 中已有 %n 个条目。请为演示选择一个新文件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The demo data is missing from this build.</source>
        <translation>当前构建缺少演示数据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The demo data is damaged: %1.</source>
        <translation>演示数据已损坏：%1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The demo record &quot;%1&quot; has an unknown kind.</source>
        <translation>演示条目“%1”的类型未知。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Demo record &quot;%1&quot;: %2</source>
        <translation>演示条目“%1”：%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A demo relation refers to an unknown record or type.</source>
        <translation>某条演示关系引用了未知的条目或类型。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No temporary folder for the demo&apos;s evidence files: %1.</source>
        <translation>无法为演示的证据文件创建临时文件夹：%1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The demo could not write %1: %2.</source>
        <translation>演示无法写入 %1：%2。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A demo answer has an unknown status.</source>
        <translation>某个演示结论的状态未知。</translation>
    </message>
</context>
<context>
    <name>strata::DocumentReader</name>
    <message>
        <location filename="../app/core/interop/DocumentReader.cpp" line="+51"/>
        <location line="+45"/>
        <source>%1 is %2 MB, more than the %3 MB an import may be; split the document.</source>
        <translation>%1 大小为 %2 MB，超过单次导入上限 %3 MB；请拆分该文档。</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>%1 is an SPDX 2 document; Strata imports SPDX 3.0 JSON-LD. Convert it with the SPDX tools, or import a CycloneDX BOM instead.</source>
        <translation>%1 是 SPDX 2 文档；Strata 只导入 SPDX 3.0 JSON-LD。请使用 SPDX 工具转换，或改为导入 CycloneDX BOM。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a CycloneDX JSON BOM, an SPDX 3 JSON-LD document or a Hugging Face card (a README.md that starts with YAML front matter).</source>
        <translation>%1 不是 CycloneDX JSON BOM、SPDX 3 JSON-LD 文档或 Hugging Face 卡片（以 YAML 前置元数据开头的 README.md）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a regular file.</source>
        <translation>%1 不是普通文件。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+3"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>strata::Dsse</name>
    <message>
        <location filename="../app/core/trust/Dsse.cpp" line="+57"/>
        <source>%1: the DSSE envelope&apos;s &quot;%2&quot; %3</source>
        <translation>%1：DSSE 信封的“%2”%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is missing or not a string.</source>
        <translation>缺失或不是字符串。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+24"/>
        <source>is longer than %1 characters.</source>
        <translation>超过 %1 个字符。</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>is missing or not valid base64.</source>
        <translation>缺失或不是有效的 base64。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is missing or empty; an unsigned envelope proves nothing.</source>
        <translation>缺失或为空；未签名的信封证明不了任何事。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>holds %1 signatures; at most %2 are accepted.</source>
        <translation>包含 %1 个签名；最多接受 %2 个。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is not an object.</source>
        <translation>不是对象。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is not a string.</source>
        <translation>不是字符串。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>is missing, empty or not valid base64.</source>
        <translation>缺失、为空或不是有效的 base64。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is longer than %1 bytes.</source>
        <translation>超过 %1 字节。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is larger than %2 MiB; it is not a signature envelope.</source>
        <translation>%1 大于 %2 MiB，不是签名信封。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is not valid JSON (at byte %2: %3).</source>
        <translation>%1 不是有效的 JSON（第 %2 字节：%3）。</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>%1 is not a JSON object.</source>
        <translation>%1 不是 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>strata::EvidenceAdder</name>
    <message>
        <location filename="../ui/evidence/EvidenceAdder.cpp" line="+60"/>
        <source>Cancel adding evidence</source>
        <translation>取消添加证据</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Add Evidence</source>
        <translation>添加证据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Evidence is being added already; wait until it is done or cancel it, then add %1 again.</source>
        <translation>正在添加证据；请等待完成或取消后，再添加 %1。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>%1 could not be copied into the evidence store: the copy stopped unexpectedly. Nothing was added.</source>
        <translation>无法将 %1 复制到证据库：复制意外中止。未添加任何内容。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Adding evidence %1 (%2 of %3)…</source>
        <translation>正在添加证据 %1（第 %2 个，共 %3 个）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adding evidence %1…</source>
        <translation>正在添加证据 %1…</translation>
    </message>
</context>
<context>
    <name>strata::EvidenceCommands</name>
    <message>
        <location filename="../app/cli/EvidenceCommands.cpp" line="+59"/>
        <source>add FILE [--title T] [--effective DATE] [--expires DATE] [--url URL] | list | verify</source>
        <translation>add FILE [--title T] [--effective DATE] [--expires DATE] [--url URL] | list | verify</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add, list and verify evidence files</source>
        <translation>添加、列出和验证证据文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evidence add FILE   keep FILE as evidence: it is copied into the store beside the workspace
                    (NAME.strata-evidence), named by its SHA-256, and recorded. The same
                    content added again is stored once and keeps its first title.
  --title T         title to show (default: the file name)
  --effective DATE  the day the evidence was true, YYYY-MM-DD (not the day it was added)
  --expires DATE    the day it stops supporting answers, YYYY-MM-DD
  --url URL         where the file came from
evidence list       every evidence item, with expired and soon-expiring ones flagged
evidence verify     hash every stored file again; the exit code is 1 when a file is missing
                    or altered, and each one is named</source>
        <translation>evidence add FILE   将 FILE 保存为证据：复制到工作区旁的证据库（NAME.strata-evidence），
                    以其 SHA-256 命名并记录。相同内容再次添加时只保存一份，
                    并保留第一次的标题。
  --title T         显示的标题（默认：文件名）
  --effective DATE  证据成立的日期，格式 YYYY-MM-DD（不是添加的日期）
  --expires DATE    证据不再支持评估结论的日期，格式 YYYY-MM-DD
  --url URL         文件的来源地址
evidence list       列出所有证据项，并标出已过期和即将过期的证据
evidence verify     重新计算每个已保存文件的哈希；有文件缺失或已被篡改时退出码为 1，
                    并逐一列出</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>title of the evidence</source>
        <translation>证据的标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>when the evidence was true (YYYY-MM-DD)</source>
        <translation>证据成立的日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>when it expires (YYYY-MM-DD)</source>
        <translation>证据到期的日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>where the file came from</source>
        <translation>文件的来源地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add|list|verify</source>
        <translation>add|list|verify</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;evidence add&quot; needs one FILE; usage: %1</source>
        <translation>“evidence add”需要一个 FILE；用法：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;evidence %1&quot; takes no arguments; usage: %2</source>
        <translation>“evidence %1”不接受参数；用法：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown evidence command &quot;%1&quot;; use add, list or verify. Usage: %2</source>
        <translation>未知的证据命令“%1”；请使用 add、list 或 verify。用法：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--%1 &quot;%2&quot; is not a date; write it as YYYY-MM-DD.</source>
        <translation>--%1“%2”不是有效日期；请按 YYYY-MM-DD 格式填写。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Adding %1 as evidence failed: %2</source>
        <translation>将 %1 添加为证据失败：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Added evidence %1 &quot;%2&quot; (%3 bytes, SHA-256 %4).</source>
        <translation>已添加证据 %1“%2”（%3 字节，SHA-256 %4）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same content is already evidence %1 &quot;%2&quot; (SHA-256 %3); nothing changed.</source>
        <translation>相同内容已是证据 %1“%2”（SHA-256 %3）；未作任何更改。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No evidence.</source>
        <translation>没有证据。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expires soon</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA256</source>
        <translation>SHA256</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BYTES</source>
        <translation>BYTES</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>EFFECTIVE</source>
        <translation>EFFECTIVE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>EXPIRES</source>
        <translation>EXPIRES</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TITLE</source>
        <translation>TITLE</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Checked %n evidence file(s): every one matches its SHA-256.</source>
        <translation>
            <numerusform>已检查 %n 个证据文件：全部与其 SHA-256 一致。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Checked %n evidence file(s): %1 missing or altered.</source>
        <translation>
            <numerusform>已检查 %n 个证据文件：%1 个缺失或已被篡改。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::EvidencePage</name>
    <message>
        <location filename="../ui/evidence/EvidencePage.cpp" line="+79"/>
        <source>Add Evidence…</source>
        <translation>添加证据…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy files into the evidence store; you can also drop files on this page</source>
        <translation>将文件复制到证据库；也可以把文件拖放到本页</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verify Evidence</source>
        <translation>验证证据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-hash every stored file and report missing or altered ones</source>
        <translation>重新计算每个已存储文件的哈希，并报告缺失或被篡改的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the selected evidence with the system viewer</source>
        <translation>用系统查看器打开所选证据</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter by title, file, type, source or digest</source>
        <translation>按标题、文件、类型、来源或摘要筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter evidence</source>
        <translation>筛选证据</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show evidence by expiry</source>
        <translation>按过期情况显示证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All evidence</source>
        <translation>全部证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired or expiring</source>
        <translation>已过期或即将过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Expiring within %n day(s)</source>
        <translation>
            <numerusform>%n 天内过期</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancel the evidence check</source>
        <translation>取消证据检查</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Missing or altered evidence</source>
        <translation>缺失或被篡改的证据</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>No evidence yet. Add the files that prove a checklist answer (reports, certificates, scan results); each is stored once, by its SHA-256.</source>
        <translation>还没有证据。请添加能证明检查项结论的文件（报告、证书、扫描结果）；每个文件按其 SHA-256 只存储一次。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n evidence item(s)</source>
        <translation>
            <numerusform>%n 个证据项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n expired</source>
        <translation>
            <numerusform>%n 个已过期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n expiring within %1 days</source>
        <translation>
            <numerusform>%n 个将在 %1 天内过期</numerusform>
        </translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No application could open &quot;%1&quot; (%2). Install a viewer for this type of file, or preview it on this page.</source>
        <translation>没有应用程序能打开“%1”（%2）。请安装此类文件的查看器，或在本页预览。</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Checking %n evidence file(s)…</source>
        <translation>
            <numerusform>正在检查 %n 个证据文件…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The evidence check was cancelled; nothing was concluded.</source>
        <translation>证据检查已取消；未得出任何结论。</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>All %n evidence file(s) match their recorded SHA-256.</source>
        <translation>
            <numerusform>全部 %n 个证据文件与记录的 SHA-256 一致。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n of %1 evidence file(s) are missing or altered:</source>
        <translation>
            <numerusform>%1 个证据文件中有 %n 个缺失或被篡改：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::EvidencePreview</name>
    <message>
        <location filename="../ui/evidence/EvidencePreview.cpp" line="+52"/>
        <source>Evidence text</source>
        <translation>证据文本</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PDF preview</source>
        <translation>PDF 预览</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Select an evidence item to preview it.</source>
        <translation>选择一个证据项进行预览。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file of &quot;%1&quot; is missing from the evidence store; run Verify evidence.</source>
        <translation>“%1”的文件在证据库中缺失；请运行“验证证据”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; looks like a PDF but cannot be read as one; open it with the system viewer.</source>
        <translation>“%1”看起来是 PDF，但无法按 PDF 读取；请用系统查看器打开。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is an image of %2, too large to preview; use Open.</source>
        <translation>“%1”是 %2 的图像，太大无法预览；请使用“打开”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; (%2) cannot be previewed as an image; use Open.</source>
        <translation>“%1”（%2）无法作为图像预览；请使用“打开”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; cannot be decoded as an image: %2.</source>
        <translation>无法将“%1”解码为图像：%2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Image %1, %2 × %3 pixels</source>
        <translation>图像 %1，%2 × %3 像素</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>[Only the first %1 of %2 are shown; use Open for the whole file.]</source>
        <translation>[仅显示 %2 中的前 %1；请使用“打开”查看整个文件。]</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No preview for &quot;%1&quot; (%2, %3). Use Open to view it with the system viewer.</source>
        <translation>“%1”（%2，%3）无法预览。请使用“打开”在系统查看器中查看。</translation>
    </message>
</context>
<context>
    <name>strata::EvidenceRepository</name>
    <message>
        <location filename="../app/core/storage/EvidenceRepository.cpp" line="+65"/>
        <source>Recording the evidence &quot;%1&quot;</source>
        <translation>记录证据“%1”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Looking up evidence %1</source>
        <translation>查找证据 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Listing the evidence</source>
        <translation>列出证据</translation>
    </message>
</context>
<context>
    <name>strata::EvidenceStore</name>
    <message>
        <location filename="../app/core/evidence/EvidenceStore.cpp" line="+159"/>
        <location line="+136"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Cannot create the evidence folder %1; check that the folder beside the workspace is writable.</source>
        <translation>无法创建证据文件夹 %1；请检查工作区所在文件夹是否可写。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot write to the evidence folder %1: %2</source>
        <translation>无法写入证据文件夹 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copying %1 into the evidence store failed: %2. Nothing was stored; the file is larger than this session may write (its file size limit, ulimit -f). Raise the limit and try again.</source>
        <translation>将 %1 复制到证据库失败：%2。未存储任何内容；该文件超过本会话允许写入的大小（文件大小限制，ulimit -f）。请提高该限制后重试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copying %1 into the evidence store failed: %2. Nothing was stored; free some disk space or check the folder %3, then try again.</source>
        <translation>将 %1 复制到证据库失败：%2。未保存任何内容；请释放一些磁盘空间或检查文件夹 %3，然后重试。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Adding %1 was cancelled; nothing was stored.</source>
        <translation>添加 %1 已取消；未保存任何内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading %1 failed: %2. Nothing was stored.</source>
        <translation>读取 %1 失败：%2。未保存任何内容。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The SHA-256 computation failed inside OpenSSL; nothing was stored.</source>
        <translation>OpenSSL 内部的 SHA-256 计算失败；未保存任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+46"/>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>%1 was stored, but the folder %2 could not be synced to disk (%3); it was not recorded as evidence.</source>
        <translation>%1 已保存，但文件夹 %2 未能同步到磁盘（%3）；未将其记录为证据。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is not in the evidence store&apos;s temporary folder.</source>
        <translation>%1 不在证据库的临时文件夹中。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 hashes to %2, not %3; it was not stored.</source>
        <translation>%1 的哈希为 %2，而不是 %3；未存储。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Moving %1 into the evidence store failed: %2. Nothing was stored.</source>
        <translation>将 %1 移入证据库失败：%2。未存储任何内容。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the folder %1 could not be synced to disk (%2)</source>
        <translation>文件夹 %1 无法同步到磁盘（%2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is missing.</source>
        <translation>%1 缺失。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The check was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading %1 failed: %2</source>
        <translation>读取 %1 失败：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The SHA-256 computation failed inside OpenSSL.</source>
        <translation>OpenSSL 内部的 SHA-256 计算失败。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/evidence/EvidenceBatch.cpp" line="+83"/>
        <source>Adding %n file(s) was cancelled; nothing was recorded.</source>
        <translation>
            <numerusform>添加 %n 个文件已取消；未记录任何内容。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::EvidenceTableModel</name>
    <message>
        <location filename="../models/EvidenceTableModel.cpp" line="+137"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%1 (expires in %n day(s))</source>
        <translation>
            <numerusform>%1（%n 天后过期）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (expired)</source>
        <translation>%1（已过期）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Altered</source>
        <translation>已篡改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This evidence expired on %1 and no longer supports an answer.</source>
        <translation>此证据已于 %1 过期，不再支持任何结论。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This evidence expires on %1; ask for a current copy.</source>
        <translation>此证据将于 %1 过期；请索取最新副本。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Media type</source>
        <translation>媒体类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>过期日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added at</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supports</source>
        <translation>支持的检查项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
</context>
<context>
    <name>strata::EvidenceVerifier</name>
    <message>
        <location filename="../app/core/evidence/EvidenceVerifier.cpp" line="+35"/>
        <source>&quot;%1&quot; (evidence %2, %3) is missing from the evidence store: %4</source>
        <translation>“%1”（证据 %2，%3）在证据库中缺失：%4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; (evidence %2, %3) was altered: its file now has SHA-256 %4 instead of %5</source>
        <translation>“%1”（证据 %2，%3）已被篡改：其文件的 SHA-256 现为 %4，而不是 %5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; (evidence %2, %3) cannot be read: %4</source>
        <translation>无法读取“%1”（证据 %2，%3）：%4</translation>
    </message>
</context>
<context>
    <name>strata::EvidenceViewing</name>
    <message>
        <location filename="../ui/evidence/EvidenceViewing.cpp" line="+63"/>
        <source>&quot;%1&quot; looks like a program (%2), so Strata does not hand it to the system viewer. Inspect it with a tool you trust.</source>
        <translation>“%1”看起来是程序（%2），因此 Strata 不会把它交给系统查看器。请用您信任的工具检查。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot create the folder %1 to open &quot;%2&quot;; check the temporary folder.</source>
        <translation>无法创建文件夹 %1 来打开“%2”；请检查临时文件夹。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot copy &quot;%1&quot; to %2 for viewing: %3</source>
        <translation>无法将“%1”复制到 %2 以供查看：%3</translation>
    </message>
</context>
<context>
    <name>strata::ExportController</name>
    <message>
        <location filename="../ui/ExportController.cpp" line="+50"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancel the export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 %2</source>
        <comment>record name and version</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export as %1</source>
        <translation>导出为 %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>There are no records to export, so no CSV table was written.</source>
        <translation>没有可导出的条目，因此未写入任何 CSV 表格。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Replace Files</source>
        <translation>替换文件</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 already exist(s). Replace?</source>
        <translation>
            <numerusform>%1 已存在。要替换吗？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消；未写入任何文件。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exported %n record(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个条目导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="+23"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What to export</source>
        <translation>导出范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole workspace</source>
        <translation>整个工作区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” and everything upstream of it</source>
        <translation>“%1”及其全部上游</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A record and everything upstream of it (select one first)</source>
        <translation>某个条目及其全部上游（请先选择条目）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the record derives from, was trained and evaluated on, depends on, is hosted on and provided by, and so on up the chain</source>
        <translation>该条目派生自、训练于、评测于、依赖、托管于的条目及其提供方，并沿供应链逐级向上追溯</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>CycloneDX 1.6 JSON (ML-BOM)</source>
        <translation>CycloneDX 1.6 JSON（ML-BOM）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPDX 3.0.1 JSON-LD (AI and Dataset profiles)</source>
        <translation>SPDX 3.0.1 JSON-LD（AI 与 Dataset profile）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GraphML (yEd, Gephi)</source>
        <translation>GraphML（yEd、Gephi）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV, one file per kind</source>
        <translation>CSV，每种类型一个文件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CycloneDX JSON (*.cdx.json *.json);;All files (*)</source>
        <translation>CycloneDX JSON (*.cdx.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPDX 3 JSON-LD (*.spdx3.json *.jsonld *.json);;All files (*)</source>
        <translation>SPDX 3 JSON-LD (*.spdx3.json *.jsonld *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GraphML (*.graphml);;All files (*)</source>
        <translation>GraphML (*.graphml);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSV (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Models with their model cards, datasets, suppliers, hashes, licenses, dependencies and pedigree; validates against the bom-1.6 schema.</source>
        <translation>包含模型及其模型卡片、数据集、供应商、哈希、许可证、依赖和谱系；可通过 bom-1.6 schema 校验。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An SPDX 3.0.1 document with AI packages, dataset packages and their relationships.</source>
        <translation>包含 AI 包、数据集包及其关系的 SPDX 3.0.1 文档。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Records as nodes and relations as typed edges, for yEd and Gephi.</source>
        <translation>条目作为节点、关系作为带类型的边，可用于 yEd 和 Gephi。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A table per record kind, named after the file you choose: “inventory.csv” gives inventory-model.csv, inventory-dataset.csv and so on.</source>
        <translation>每种条目类型一个表格，按所选文件命名：选择“inventory.csv”将生成 inventory-model.csv、inventory-dataset.csv 等。</translation>
    </message>
</context>
<context>
    <name>strata::FieldEditor</name>
    <message>
        <location filename="../ui/FieldEditor.cpp" line="+43"/>
        <source>Problem with %1</source>
        <translation>%1有误</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Markdown is welcome: *emphasis*, lists, links.</source>
        <translation>支持 Markdown：*强调*、列表、链接。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comma separated, e.g. llm, internal</source>
        <translation>以逗号分隔，例如 llm, internal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name|Issuer|YYYY-MM-DD; …</source>
        <translation>名称|颁发机构|YYYY-MM-DD; …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One certification per entry, separated by semicolons: name, issuer and the date it is valid until, separated by bars. Example: ISO 27001|BSI|2027-03-31; SOC 2|AICPA|2026-12-31</source>
        <translation>每项一个认证，各项之间用分号分隔；每项包含名称、颁发机构和有效期截止日期，以竖线分隔。示例：ISO 27001|BSI|2027-03-31; SOC 2|AICPA|2026-12-31</translation>
    </message>
</context>
<context>
    <name>strata::Fields</name>
    <message>
        <location filename="../app/core/domain/Fields.cpp" line="+51"/>
        <source>Field &quot;%1&quot; (%2): %3</source>
        <translation>字段“%1”（%2）：%3</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 characters is too long; at most %2 are allowed.</source>
        <translation>%1 个字符过长；最多允许 %2 个。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>control characters are not allowed; remove them and try again.</source>
        <translation>不允许使用控制字符；请删除后重试。</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>License</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source URL</source>
        <translation>来源 URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Package URL</source>
        <translation>包 URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modality</source>
        <translation>模态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intended use</source>
        <translation>预期用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out-of-scope use</source>
        <translation>超出范围的用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limitations</source>
        <translation>局限性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training cut-off</source>
        <translation>训练数据截止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collection method</source>
        <translation>采集方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size (records)</source>
        <translation>规模（记录数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size (bytes)</source>
        <translation>规模（字节数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contains personal data</source>
        <translation>包含个人信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent or legal basis</source>
        <translation>同意或合法性基础</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retention</source>
        <translation>保留期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal name</source>
        <translation>法定名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country or jurisdiction</source>
        <translation>国家或司法辖区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security contact</source>
        <translation>安全联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certifications</source>
        <translation>认证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Criticality tier</source>
        <translation>关键性等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract status</source>
        <translation>合同状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last review</source>
        <translation>上次审查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next review</source>
        <translation>下次审查</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Ecosystem</source>
        <translation>生态系统</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider</source>
        <translation>提供商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data-processing terms</source>
        <translation>数据处理条款</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>safetensors</source>
        <translation>safetensors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GGUF</source>
        <translation>GGUF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ONNX</source>
        <translation>ONNX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multimodal</source>
        <translation>多模态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected</source>
        <translation>自行采集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licensed</source>
        <translation>授权获取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public</source>
        <translation>公开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negotiating</source>
        <translation>洽谈中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>生效中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Framework</source>
        <translation>框架</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hosted API</source>
        <translation>托管 API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloud</source>
        <translation>云平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute</source>
        <translation>计算资源</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A file needs a name of 1 to 1000 characters without control characters.</source>
        <translation>文件名长度须为 1 到 1000 个字符，且不能包含控制字符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; (file &quot;%2&quot;) is not a supported digest algorithm; use sha256, sha384 or sha512.</source>
        <translation>“%1”（文件“%2”）不是受支持的摘要算法；请使用 sha256、sha384 或 sha512。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 digest of &quot;%2&quot; must be %3 hexadecimal characters; got &quot;%4&quot;.</source>
        <translation>“%2”的 %1 摘要必须为 %3 个十六进制字符，实际为“%4”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The size of &quot;%1&quot; cannot be negative.</source>
        <translation>“%1”的大小不能为负数。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&quot;%1&quot; should be NAME|ISSUER|YYYY-MM-DD, for example &quot;ISO/IEC 27001|BSI|2027-03-31&quot;; separate several with &quot;;&quot;.</source>
        <translation>“%1”应为“名称|颁发机构|YYYY-MM-DD”格式，例如“ISO/IEC 27001|BSI|2027-03-31”；多项之间用“;”分隔。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+97"/>
        <source>&quot;%1&quot; is not a date; write it as YYYY-MM-DD.</source>
        <translation>“%1”不是有效日期；请按 YYYY-MM-DD 格式填写。</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>&quot;%1&quot; is not a field of a %2. Known fields: %3.</source>
        <translation>“%1”不是%2的字段。可用字段：%3。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&quot;%1&quot; is not a whole number from %2 to %3.</source>
        <translation>“%1”不是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;%1&quot; is not one of: %2.</source>
        <translation>“%1”不是以下值之一：%2。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>&quot;%1&quot; is not a valid web address; use an http or https URL such as https://huggingface.co/org/model.</source>
        <translation>“%1”不是有效的网址；请使用 http 或 https URL，例如 https://huggingface.co/org/model。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a record needs a name.</source>
        <translation>条目必须有名称。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the tag &quot;%1&quot; is longer than %2 characters.</source>
        <translation>标签“%1”超过 %2 个字符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 tags is too many; at most %2 are allowed.</source>
        <translation>标签数量（%1 个）过多；最多允许 %2 个。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not a package URL; it must start with &quot;pkg:&quot;, for example pkg:huggingface/meta-llama/Llama-3.1-8B.</source>
        <translation>“%1”不是包 URL；包 URL 必须以“pkg:”开头，例如 pkg:huggingface/meta-llama/Llama-3.1-8B。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not an SPDX license expression; use identifiers such as &quot;Apache-2.0&quot; or &quot;MIT OR Apache-2.0&quot;, or LicenseRef-NAME for others.</source>
        <translation>“%1”不是 SPDX 许可证表达式；请使用“Apache-2.0”或“MIT OR Apache-2.0”等标识符，其他许可证请使用 LicenseRef-NAME。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; is not a field of a %2.</source>
        <translation>“%1”不是%2的字段。</translation>
    </message>
</context>
<context>
    <name>strata::FileSystemCheck</name>
    <message>
        <location filename="../app/core/storage/FileSystemCheck.cpp" line="+36"/>
        <source>%1 is on a network file system (%2). A crash or a lost connection there can lose saved changes, and a second computer may not see that the workspace is in use. Keep workspaces on a local disk and share them with backups or bundles.</source>
        <translation>%1 位于网络文件系统（%2）上。在此处发生崩溃或连接中断可能丢失已保存的更改，另一台计算机也可能看不到该工作区正在使用。请将工作区放在本地磁盘上，并通过备份或资料包共享。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is on a FUSE file system (%2), which may not write changes to disk when asked. A crash or power cut there can lose saved changes. Keep workspaces on a local disk.</source>
        <translation>%1 位于 FUSE 文件系统（%2）上，它可能不会按要求将更改写入磁盘。在此处发生崩溃或断电可能丢失已保存的更改。请将工作区放在本地磁盘上。</translation>
    </message>
</context>
<context>
    <name>strata::FindingCommands</name>
    <message>
        <location filename="../app/cli/FindingCommands.cpp" line="+39"/>
        <source>list | add --assessment ID --item ITEM --title T --likelihood 1-5 --impact 1-5 [--owner NAME] [--due DATE] | accept ID --justification TEXT --until DATE</source>
        <translation>list | add --assessment ID --item ITEM --title T --likelihood 1-5 --impact 1-5 [--owner NAME] [--due DATE] | accept ID --justification TEXT --until DATE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List, raise and accept findings</source>
        <translation>列出、提出和接受发现项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>findings list       every finding, highest likelihood × impact first
findings add        raise a finding on an item that failed in an assessment
  --likelihood N    how likely the risk is, 1 (rare) to 5 (almost certain)
  --impact N        how bad it would be, 1 (minor) to 5 (severe)
  --owner NAME      who handles it
  --due DATE        when it should be handled, YYYY-MM-DD
findings accept ID  accept the risk: needs a justification and an expiry date after today;
                    the item can then be marked risk_accepted</source>
        <translation>findings list       所有发现项，按可能性 × 影响从高到低排列
findings add        针对评估中不通过的检查项提出发现项
  --likelihood N    风险发生的可能性，1（罕见）到 5（几乎必然）
  --impact N        影响的严重程度，1（轻微）到 5（严重）
  --owner NAME      负责处理的人
  --due DATE        应处理完成的日期，YYYY-MM-DD
findings accept ID  接受风险：需要理由和晚于今天的到期日期；
                    之后可将该检查项标记为 risk_accepted</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+9"/>
        <location line="+76"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>the assessment the finding belongs to</source>
        <translation>发现项所属的评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+84"/>
        <source>ITEM</source>
        <translation>ITEM</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>the failed item</source>
        <translation>不通过的检查项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>short description of the risk</source>
        <translation>风险的简短描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>1-5</source>
        <translation>1-5</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>likelihood rating</source>
        <translation>可能性评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>impact rating</source>
        <translation>影响评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>who handles the finding</source>
        <translation>负责处理发现项的人</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>when it is due (YYYY-MM-DD)</source>
        <translation>到期日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>why the risk is acceptable</source>
        <translation>可以接受该风险的理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>when the acceptance expires (YYYY-MM-DD)</source>
        <translation>风险接受的到期日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list|add|accept</source>
        <translation>list|add|accept</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;findings list&quot; takes no arguments; usage: %1</source>
        <translation>“findings list”不接受参数；用法：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;findings add&quot; does not take --%1; usage: %2</source>
        <translation>“findings add”不接受 --%1；用法：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;findings add&quot; needs --%1; usage: %2</source>
        <translation>“findings add”需要 --%1；用法：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;findings accept&quot; does not take --%1; usage: %2</source>
        <translation>“findings accept”不接受 --%1；用法：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;findings accept&quot; needs a finding ID, --justification and --until; usage: %1</source>
        <translation>“findings accept”需要发现项 ID、--justification 和 --until；用法：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown findings command &quot;%1&quot;; use list, add or accept. Usage: %2</source>
        <translation>未知的发现项命令“%1”；请使用 list、add 或 accept。用法：%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No findings.</source>
        <translation>没有发现项。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>accepted until %1</source>
        <translation>已接受，至 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SCORE</source>
        <translation>SCORE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ASSESSMENT</source>
        <translation>ASSESSMENT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OWNER</source>
        <translation>OWNER</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DUE</source>
        <translation>DUE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TITLE</source>
        <translation>TITLE</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--assessment &quot;%1&quot; is not an assessment id.</source>
        <translation>--assessment“%1”不是评估 ID。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--likelihood and --impact are whole numbers from 1 to 5 (got &quot;%1&quot; and &quot;%2&quot;).</source>
        <translation>--likelihood 和 --impact 应为 1 到 5 的整数（实际为“%1”和“%2”）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--due &quot;%1&quot; is not a date; write it as YYYY-MM-DD.</source>
        <translation>--due“%1”不是有效日期；请按 YYYY-MM-DD 格式填写。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Raised finding %1 on item %2 of assessment %3: likelihood %4 × impact %5 = %6.</source>
        <translation>已针对评估 %3 的检查项 %2 提出发现项 %1：可能性 %4 × 影响 %5 = %6。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; is not a finding id; &quot;strata-cli findings list&quot; shows them.</source>
        <translation>“%1”不是发现项 ID；“strata-cli findings list”可列出发现项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--until &quot;%1&quot; is not a date; write it as YYYY-MM-DD.</source>
        <translation>--until“%1”不是有效日期；请按 YYYY-MM-DD 格式填写。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Accepted the risk of finding %1 until %2.</source>
        <translation>已接受发现项 %1 的风险，有效期至 %2。</translation>
    </message>
</context>
<context>
    <name>strata::FindingTableModel</name>
    <message>
        <location filename="../models/FindingTableModel.cpp" line="+37"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (overdue)</source>
        <translation>%1（已逾期）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 in %2</source>
        <translation>%2 中的 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (lapsed)</source>
        <translation>%1（已失效）</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Due on %1 and still %2.</source>
        <translation>到期日期为 %1，仍为“%2”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The acceptance ended on %1; review the risk again.</source>
        <translation>风险接受已于 %1 结束；请重新评审此风险。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Likelihood</source>
        <translation>可能性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Justification</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted until</source>
        <translation>接受至</translation>
    </message>
</context>
<context>
    <name>strata::FindingsPage</name>
    <message>
        <location filename="../ui/findings/FindingsPage.cpp" line="+57"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mitigating</source>
        <translation>缓解中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark the selected finding as being mitigated</source>
        <translation>将所选发现项标记为缓解中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept Risk…</source>
        <translation>接受风险…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept the risk with a justification and an end date</source>
        <translation>以理由和结束日期接受风险</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the selected finding: the risk is gone</source>
        <translation>关闭所选发现项：风险已消除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show All Cells</source>
        <translation>显示全部单元格</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show findings by status</source>
        <translation>按状态显示发现项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show findings by severity</source>
        <translation>按严重程度显示发现项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All severities</source>
        <translation>全部严重程度</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Heat map as text</source>
        <translation>热力图文本</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Findings</source>
        <translation>发现项</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No findings yet. A failed checklist item can raise one in an assessment.</source>
        <translation>还没有发现项。评估中不通过的检查项可以提出发现项。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 个发现项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n open or mitigating</source>
        <translation>
            <numerusform>%n 个未处理或缓解中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 个已逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Showing likelihood %1 × impact %2 only: %n finding(s).</source>
        <translation>
            <numerusform>仅显示可能性 %1 × 影响 %2：%n 个发现项。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a cell to show only its findings.</source>
        <translation>选择一个单元格，只显示其中的发现项。</translation>
    </message>
</context>
<context>
    <name>strata::GraphCache</name>
    <message>
        <location filename="../app/core/graph/GraphCache.cpp" line="+35"/>
        <location line="+12"/>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
</context>
<context>
    <name>strata::GraphCommands</name>
    <message>
        <location filename="../app/cli/GraphCommands.cpp" line="+76"/>
        <location line="+8"/>
        <location line="+3"/>
        <location line="+6"/>
        <location line="+31"/>
        <location line="+95"/>
        <location line="+242"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-384"/>
        <source>List everything a record is made of, with the path to each</source>
        <translation>列出条目的全部构成来源及到达每一项的路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walks the relations upstream of the record: what it derives from, was trained and evaluated
on, depends on and is hosted on, then what those are made of, and the suppliers of all of
them. Each record is listed once, at its shortest distance, with the relation it was reached
by. Cycles in the relations are followed once. With --json, prints an array of records, each
with its distance, its path of ids from ID, the relations of that path and its own risks.</source>
        <translation>沿关系向上游追溯：条目派生自、训练于、评测于、依赖、托管于的条目，再追溯这些条目的构成来源，
以及它们全部的供应商。每个条目只列出一次，按最短距离列出，并注明到达它的关系。关系中的环只走一遍。
使用 --json 时输出条目数组，每个条目包含距离、从 ID 出发的 id 路径、该路径上的关系及条目自身的风险。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>List everything built on a record: the blast radius of a problem in it</source>
        <translation>列出基于某条目构建的全部条目：该条目出问题时的影响范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walks the relations downstream of the record: what derives from it, was trained or evaluated
on it, depends on it or runs on it, then what is built on those. For a supplier: what it
provides and everything built on that. Output as for lineage.</source>
        <translation>沿关系向下游追溯：派生自该条目、使用它训练或评测、依赖它或运行在它之上的条目，再追溯基于这些条目构建的条目。
对供应商而言：它提供的条目以及基于这些条目构建的一切。输出格式与 lineage 相同。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>FROM_ID TO_ID</source>
        <translation>FROM_ID TO_ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show how two records are connected</source>
        <translation>显示两个条目之间如何相连</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists the chains of relations from FROM_ID up to TO_ID (FROM_ID is made of TO_ID), or, when
there is none, from FROM_ID down to TO_ID (TO_ID is built on FROM_ID); shortest first.
No record appears twice in a path. At most %1 paths of at most %2 relations are listed;
&quot;truncated&quot; says when there may be more. Finding no path is not an error.</source>
        <translation>列出从 FROM_ID 向上游到 TO_ID 的关系链（TO_ID 是 FROM_ID 的构成来源）；若没有，则列出从 FROM_ID 向下游到
TO_ID 的关系链（TO_ID 基于 FROM_ID 构建）；最短的在前。同一路径中不会重复出现同一条目。最多列出 %1 条路径，
每条路径最多 %2 条关系；“truncated”表示可能还有更多路径。找不到路径不算错误。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>FROM_ID</source>
        <translation>FROM_ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TO_ID</source>
        <translation>TO_ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>[--focus ID] [--direction up|down|both] [--depth N] --format svg|png|dot -o FILE | cycles | orphans</source>
        <translation>[--focus ID] [--direction up|down|both] [--depth N] --format svg|png|dot -o FILE | cycles | orphans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw the lineage graph as SVG, PNG or DOT; list its cycles and orphan models</source>
        <translation>将谱系图绘制为 SVG、PNG 或 DOT；列出其中的循环和孤立模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Without --focus, draws the whole workspace. With --focus, draws the record and what is reachable
from it: upstream (up: what it is made of), downstream (down: what is built on it) or both (the
default), at most --depth relations away. What a record is made of is drawn above it. Shapes and
colours show the kind of record; a red outline marks a record that is risky in itself (unverified,
no license, no digest, expired certification) and an orange one a record that inherits risk from
a record upstream of it in the picture. dot writes Graphviz&apos;s DOT language, for other tools.
The file is replaced atomically; its folder must exist.
graph cycles    groups of records that are made of themselves through their relations (a loop
                of depends_on, a self-reference from old data), each with the relations between
                its records. Queries still terminate on them, but a loop is usually a data error.
graph orphans   models with no known origin: neither derived from another record nor provided
                by a supplier. Their lineage cannot be reviewed until one is recorded.
Finding cycles or orphans is not an error: both exit with 0.</source>
        <translation>不带 --focus 时绘制整个工作区。带 --focus 时绘制该条目及从它可达的部分：上游（up：它的构成来源）、
下游（down：基于它构建的条目）或两者（默认），最多相距 --depth 个关系。条目的构成来源画在它的上方。
形状和颜色表示条目类型；红色边框表示自身有风险的条目（未核实、无许可证、无摘要、认证已过期），
橙色边框表示从图中上游条目继承风险的条目。dot 输出 Graphviz 的 DOT 语言，供其他工具使用。
文件以原子方式替换；其所在文件夹必须已存在。
graph cycles    通过关系由自身构成的条目组（depends_on 形成的循环、旧数据中的自引用），
                并列出组内条目之间的关系。查询在循环上仍会结束，但循环通常是数据错误。
graph orphans   来源不明的模型：既不派生自其他条目，也不由任何供应商提供。
                在记录其来源之前，无法审查它们的谱系。
发现循环或孤立模型不算错误：两者的退出码均为 0。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the record to draw around (default: the whole workspace)</source>
        <translation>以该条目为中心绘制（默认：整个工作区）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DIRECTION</source>
        <translation>DIRECTION</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>up, down or both (default: both); needs --focus</source>
        <translation>up、down 或 both（默认：both）；需要 --focus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>at most N relations from the focus (default: no limit); needs --focus</source>
        <translation>距聚焦条目最多 N 条关系（默认：不限）；需要 --focus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>svg, png or dot</source>
        <translation>svg、png 或 dot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the file to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cycles|orphans</source>
        <translation>cycles|orphans</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unknown graph command &quot;%1&quot;; use cycles or orphans, or draw the graph with --format and -o.</source>
        <translation>未知的 graph 命令“%1”；请使用 cycles 或 orphans，或用 --format 和 -o 绘制谱系图。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;graph %1&quot; takes no options; it looks at the whole workspace.</source>
        <translation>“graph %1”不接受选项；它检查整个工作区。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Nothing is recorded upstream of %1 (id %2).</source>
        <translation>%1（id %2）没有记录任何上游条目。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is recorded downstream of %1 (id %2).</source>
        <translation>%1（id %2）没有记录任何下游条目。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n record(s) upstream of %1 (id %2):</source>
        <translation>
            <numerusform>%1（id %2）的上游共有 %n 个条目：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n record(s) downstream of %1 (id %2):</source>
        <translation>
            <numerusform>%1（id %2）的下游共有 %n 个条目：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>DISTANCE</source>
        <translation>DISTANCE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KIND</source>
        <translation>KIND</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+242"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="-242"/>
        <location line="+242"/>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <location line="-242"/>
        <source>RELATION</source>
        <translation>RELATION</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VIA</source>
        <translation>VIA</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>%1 and %2 are not connected by relations in either direction.</source>
        <translation>%1 与 %2 之间在两个方向上都没有关系相连。</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n path(s): %1 is made of %2.</source>
        <translation>
            <numerusform>共 %n 条路径：%2 是 %1 的构成来源。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n path(s): %2 is built on %1.</source>
        <translation>
            <numerusform>共 %n 条路径：%2 基于 %1 构建。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There may be more paths: only the first %1 of at most %2 relations were searched for.</source>
        <translation>可能还有更多路径：只查找了前 %1 条、每条最多 %2 条关系的路径。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;graph&quot; needs --format and -o to draw a picture; usage: strata-cli graph %1</source>
        <translation>“graph”绘图需要 --format 和 -o；用法：strata-cli graph %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown graph format &quot;%1&quot;; use one of: %2.</source>
        <translation>未知的图格式“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--direction takes up, down or both; got &quot;%1&quot;.</source>
        <translation>--direction 只接受 up、down 或 both；收到的是“%1”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--depth takes a number of relations, 0 or more; got &quot;%1&quot;.</source>
        <translation>--depth 需要关系条数（0 或更大）；收到的是“%1”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--direction and --depth describe a view around a record: give it with --focus.</source>
        <translation>--direction 和 --depth 描述的是围绕某个条目的视图：请用 --focus 指定该条目。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>-o needs the name of the file to write.</source>
        <translation>-o 需要要写入的文件名。</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>Wrote %1 (%n record(s), %2 relations).</source>
        <translation>
            <numerusform>已写入 %1（%n 个条目，%2 条关系）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No cycles: no record is made of itself through its relations.</source>
        <translation>没有循环：没有条目通过关系由自身构成。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n group(s) of records made of themselves through their relations:</source>
        <translation>
            <numerusform>%n 组条目通过关系由自身构成：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (id %2)</source>
        <translation>%1（id %2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run &quot;strata-cli paths ID ID&quot; with two records of a group to see the relations that close the loop.</source>
        <translation>对同一组中的两个条目运行“strata-cli paths ID ID”，可查看构成循环的关系。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No orphans: every model is derived from another record or provided by a supplier.</source>
        <translation>没有孤立模型：每个模型都派生自其他条目或由供应商提供。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n model(s) with no known origin (neither derived from a record nor provided by a supplier):</source>
        <translation>
            <numerusform>%n 个来源不明的模型（既不派生自任何条目，也不由任何供应商提供）：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::GraphController</name>
    <message>
        <location filename="../ui/graph/GraphController.cpp" line="+129"/>
        <location line="+40"/>
        <location line="+25"/>
        <source>Reading the workspace…</source>
        <translation>正在读取工作区…</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Indexing %n record(s)…</source>
        <translation>
            <numerusform>正在为 %n 个条目建立索引…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Finding the records…</source>
        <translation>正在查找条目…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Record %1 is no longer in the workspace.</source>
        <translation>条目 %1 已不在工作区中。</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>The whole workspace has %n record(s); the graph draws at most %1. Find a record above to focus on, or hide kinds of records or relations in Filters.</source>
        <translation>
            <numerusform>整个工作区有 %n 个条目；谱系图最多绘制 %1 个。请在上方查找一个条目进行聚焦，或在“筛选”中隐藏某些条目类型或关系。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>This view has %n record(s); the graph draws at most %1. Set Hops to %2 or fewer to see the nearest ones, or narrow it in Filters or with a supplier.</source>
        <translation>
            <numerusform>此视图有 %n 个条目；谱系图最多绘制 %1 个。将跳数设为 %2 或更少即可查看最近的条目，或通过“筛选”或供应商缩小范围。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>This view has %n record(s); the graph draws at most %1, and even the records one hop away are more. Hide kinds of records or relations in Filters, or pick a supplier.</source>
        <translation>
            <numerusform>此视图有 %n 个条目；谱系图最多绘制 %1 个，而仅 1 跳内的条目就已超出。请在“筛选”中隐藏某些条目类型或关系，或选择一个供应商。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Waiting for a cancelled layout to end, then laying out %n record(s)…</source>
        <translation>
            <numerusform>正在等待已取消的布局结束，随后为 %n 个条目计算布局…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Laying out %n record(s)…</source>
        <translation>
            <numerusform>正在为 %n 个条目计算布局…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::GraphDetailsPanel</name>
    <message>
        <location filename="../ui/graph/GraphDetailsPanel.cpp" line="+66"/>
        <source>Open in Inventory</source>
        <translation>在资产清单中打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show this record with all its fields on its inventory page</source>
        <translation>在资产清单页面显示此条目的全部字段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Focus Here</source>
        <translation>聚焦于此</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Center the graph on this record (or double-click it)</source>
        <translation>以此条目为中心显示谱系图（也可双击该条目）</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No record selected</source>
        <translation>未选择条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a record to see why it is or is not risky; double-click it to put it at the centre of the graph.</source>
        <translation>单击条目查看它为何有或没有风险；双击条目将其置于谱系图中心。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · id %2</source>
        <translation>%1 · id %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · version %2 · id %3</source>
        <translation>%1 · 版本 %2 · id %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Risky in itself:</source>
        <translation>自身有风险：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2): %3&lt;br/&gt;&lt;small&gt;%4&lt;/small&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）：%3&lt;br/&gt;&lt;small&gt;%4&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inherits risk from what it is made of:</source>
        <translation>从其构成来源继承风险：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>…and more; the lineage lists them all.</source>
        <translation>……还有更多；谱系中列出了全部来源。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Neither this record nor anything it is made of is flagged by the current rules (unverified, no license, no digest, expired certification).</source>
        <translation>按当前规则（未核实、无许可证、无摘要、认证已过期），此条目及其全部构成来源均未被标记。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Supplier: %1</source>
        <translation>供应商：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>License: %1</source>
        <translation>许可证：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File digests: %1</source>
        <translation>文件摘要：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First certification to lapse: %1, valid until %2</source>
        <translation>最先到期的认证：%1，有效期至 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unverified: only referenced by an import</source>
        <translation>未核实：仅被某次导入引用</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Made of %n record(s)</source>
        <translation>
            <numerusform>构成来源：%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Made of nothing recorded</source>
        <translation>未记录任何构成来源</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n record(s) built on it</source>
        <translation>
            <numerusform>基于它构建的条目：%n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing is built on it</source>
        <translation>没有基于它构建的条目</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1: %2 of %n record(s) (%3%)</source>
        <translation>
            <numerusform>%1：%n 个条目中的 %2 个（%3%）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suppliers under it:</source>
        <translation>其下的供应商：</translation>
    </message>
</context>
<context>
    <name>strata::GraphExport</name>
    <message numerus="yes">
        <location filename="../app/core/graph/GraphExport.cpp" line="+81"/>
        <source>Strata lineage graph: %n record(s)</source>
        <translation>
            <numerusform>Strata 谱系图：%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edges point from what a record is made of to the record.</source>
        <translation>边从条目的构成来源指向该条目。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>inherits risk from upstream</source>
        <translation>从上游继承风险</translation>
    </message>
</context>
<context>
    <name>strata::GraphExporter</name>
    <message>
        <location filename="../ui/graph/GraphExporter.cpp" line="+54"/>
        <source>Strata lineage graph</source>
        <translation>Strata 谱系图</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SVG could not be started.</source>
        <translation>无法开始生成 SVG。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is not enough memory for a picture of %1 × %2 pixels; export SVG instead.</source>
        <translation>内存不足，无法生成 %1 × %2 像素的图片；请改为导出 SVG。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The PNG could not be encoded.</source>
        <translation>无法编码 PNG。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no graph to export yet.</source>
        <translation>还没有可导出的谱系图。</translation>
    </message>
</context>
<context>
    <name>strata::GraphMiniMap</name>
    <message>
        <location filename="../ui/graph/GraphView.cpp" line="+213"/>
        <source>Overview of the whole graph</source>
        <translation>整个谱系图的缩略图</translation>
    </message>
</context>
<context>
    <name>strata::GraphMlWriter</name>
    <message>
        <location filename="../app/core/interop/GraphMlWriter.cpp" line="+223"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The GraphML document could not be written; no file was produced.</source>
        <translation>无法写出 GraphML 文档；未生成任何文件。</translation>
    </message>
</context>
<context>
    <name>strata::GraphPage</name>
    <message>
        <location filename="../ui/graph/GraphPage.cpp" line="+53"/>
        <source>Lineage: what it is made of</source>
        <translation>谱系：它的构成来源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Impact: what is built on it</source>
        <translation>影响范围：基于它构建的条目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lineage and impact</source>
        <translation>谱系与影响范围</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>detailed layout</source>
        <translation>精细布局</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fast layout</source>
        <translation>快速布局</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>large-graph layout</source>
        <translation>大图布局</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>risky</source>
        <translation>有风险</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inherits risk</source>
        <translation>继承风险</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Cancel drawing the graph</source>
        <translation>取消绘制谱系图</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cancelled; the previous view stays.</source>
        <translation>已取消；保留之前的视图。</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Drawing %n record(s)…</source>
        <translation>
            <numerusform>正在绘制 %n 个条目…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Find a record to focus on…</source>
        <translation>查找要聚焦的条目…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a record to focus on</source>
        <translation>查找要聚焦的条目</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hops</source>
        <translation>跳数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All hops</source>
        <translation>全部跳数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hops: </source>
        <translation>跳数：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many relations away from the focused record to go</source>
        <translation>从聚焦条目出发最多经过多少条关系</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Whole Workspace</source>
        <translation>整个工作区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every record; large workspaces are drawn with less detail</source>
        <translation>显示全部条目；大型工作区会以较少细节绘制</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kinds</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Supplier filter</source>
        <translation>按供应商筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+192"/>
        <source>Any supplier</source>
        <translation>任意供应商</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom to show the whole view (F)</source>
        <translation>缩放以显示整个视图（F）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No records to draw</source>
        <translation>没有可绘制的条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The graph shows how suppliers, models, datasets, software and services are related. Add records and relations on the inventory pages, or import a BOM.</source>
        <translation>谱系图显示供应商、模型、数据集、软件和服务之间的关系。请在资产清单页面添加条目和关系，或导入物料清单。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pick a record</source>
        <translation>选择一个条目</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>This workspace has %n record(s). Find one above to see what it is made of and what is built on it, or show the whole workspace.</source>
        <translation>
            <numerusform>此工作区有 %n 个条目。在上方查找一个条目，查看它的构成来源和基于它构建的条目，或显示整个工作区。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+96"/>
        <source>%1, %2 · %3</source>
        <comment>records, relations · layout</comment>
        <translation>%1，%2 · %3</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n 条关系</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (layout kept from last time)</source>
        <translation>%1（沿用上次的布局）</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No record matches &quot;%1&quot;.</source>
        <translation>没有与“%1”匹配的条目。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Export Graph</source>
        <translation>导出谱系图</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
</context>
<context>
    <name>strata::GraphProblemsPanel</name>
    <message>
        <location filename="../ui/graph/GraphProblemsPanel.cpp" line="+20"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>… and %n more; &quot;strata-cli graph cycles&quot; and &quot;graph orphans&quot; list them all</source>
        <translation>
            <numerusform>… 另有 %n 项；“strata-cli graph cycles”和“graph orphans”会全部列出</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Problems in the graph</source>
        <translation>谱系图中的问题</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+35"/>
        <source>Cycles</source>
        <translation>循环</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+36"/>
        <source>Models with no known origin</source>
        <translation>来源不明的模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown once the workspace graph has been read.</source>
        <translation>读取工作区的谱系图后显示。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cycles (%1)</source>
        <translation>循环（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models with no known origin (%1)</source>
        <translation>来源不明的模型（%1）</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>These %n record(s) are made of each other; click to see them.</source>
        <translation>
            <numerusform>这 %n 个条目互为构成来源；点击即可查看。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Neither derived from a record nor provided by a supplier; click to see it.</source>
        <translation>既不派生自任何条目，也不由任何供应商提供；点击即可查看。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No cycles and no models without an origin.</source>
        <translation>没有循环，也没有来源不明的模型。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click one to focus the graph on it.</source>
        <translation>点击其中一项即可在谱系图中聚焦到它。</translation>
    </message>
</context>
<context>
    <name>strata::GraphRepository</name>
    <message>
        <location filename="../app/core/storage/GraphRepository.cpp" line="+335"/>
        <source>%1 failed: %2</source>
        <translation>操作“%1”失败：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+14"/>
        <location line="+90"/>
        <source>Reading the records of the graph</source>
        <translation>读取谱系图的条目</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+57"/>
        <source>Reading the relations of the graph</source>
        <translation>读取谱系图的关系</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>There is no record with id %1.</source>
        <translation>不存在 id 为 %1 的条目。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Counting the records of the graph</source>
        <translation>统计谱系图的条目数</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Reading a stored graph layout</source>
        <translation>读取已保存的谱系图布局</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Storing a graph layout</source>
        <translation>保存谱系图布局</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Removing old graph layouts</source>
        <translation>删除旧的谱系图布局</translation>
    </message>
</context>
<context>
    <name>strata::GraphRisk</name>
    <message>
        <location filename="../app/core/graph/GraphRisk.cpp" line="+137"/>
        <source>unverified: only referenced by an import, nobody has described it yet</source>
        <translation>未核实：仅被某次导入引用，尚无人补充描述</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no license is recorded</source>
        <translation>未记录许可证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no file digest is recorded, so the files cannot be checked</source>
        <translation>未记录文件摘要，因此无法校验文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>certification %1 expired on %2</source>
        <translation>认证 %1 已于 %2 过期</translation>
    </message>
</context>
<context>
    <name>strata::GraphView</name>
    <message>
        <location filename="../ui/graph/GraphView.cpp" line="-179"/>
        <source>Lineage graph</source>
        <translation>谱系图</translation>
    </message>
</context>
<context>
    <name>strata::GraphvizEngine</name>
    <message>
        <location filename="../app/core/graph/GraphvizEngine.cpp" line="+98"/>
        <source>The layout was cancelled.</source>
        <translation>布局已取消。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Graphviz gave no reason</source>
        <translation>Graphviz 未给出原因</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Graphviz could not create a graph: %1</source>
        <translation>Graphviz 无法创建图：%1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>An edge of the layout names a node that is not in it.</source>
        <translation>布局中的某条边指向了不在布局中的节点。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Graphviz could not lay out the graph: %1</source>
        <translation>Graphviz 无法为该图计算布局：%1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Graphviz could not read the graph: %1</source>
        <translation>Graphviz 无法读取该图：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Graphviz could not lay out the graph with %1: %2</source>
        <translation>Graphviz 无法用 %1 为该图计算布局：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Graphviz could not write %1: %2</source>
        <translation>Graphviz 无法输出 %1：%2</translation>
    </message>
</context>
<context>
    <name>strata::HuggingFaceCardReader</name>
    <message>
        <location filename="../app/core/interop/HuggingFaceCardReader.cpp" line="+105"/>
        <source>%1: the front matter has none of the keys of a Hugging Face card (license, tags, base_model, datasets, pipeline_tag, task_categories, ...), so the file is not a card and was not imported.</source>
        <translation>%1：前置元数据中没有任何 Hugging Face 卡片的键（license、tags、base_model、datasets、pipeline_tag、task_categories 等），因此该文件不是卡片，未导入。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: cannot tell which model or dataset this card describes: it has no model_name, pretty_name or model-index name, and neither its file name nor its folder names one. Add &quot;model_name&quot; (or &quot;pretty_name&quot; for a dataset) to its front matter and import it again.</source>
        <translation>%1：无法确定该卡片描述的是哪个模型或数据集：卡片中没有 model_name、pretty_name 或 model-index 名称，文件名和所在文件夹名也未指明。请在前置元数据中添加“model_name”（数据集请添加“pretty_name”）后重新导入。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>front matter</source>
        <translation>前置元数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the card&apos;s name cannot be used: %2</source>
        <translation>%1：无法使用该卡片的名称：%2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>the card has model keys (%1) and dataset keys (%2); it was read as a %3 card.</source>
        <translation>该卡片同时含有模型的键（%1）和数据集的键（%2），已按%3卡片读取。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>took the repo id %1 from the card&apos;s text, where the card names itself.</source>
        <translation>已采用卡片正文中自称的仓库 ID %1。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 It is kept in the card&apos;s metadata.</source>
        <translation>%1该内容已保留在卡片元数据中。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the tag &quot;%1&quot; is longer than %2 characters and was left out.</source>
        <translation>标签“%1”超过 %2 个字符，已略去。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>only the first %1 of %2 tags were kept.</source>
        <translation>%2 个标签中仅保留了前 %1 个。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>&quot;%1&quot; is not one of adapter, merge, quantized or finetune; the derivation was recorded as &quot;other&quot;.</source>
        <translation>“%1”不是 adapter、merge、quantized 或 finetune 之一，派生方式已记为“other”。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&quot;%1&quot; is the card itself; the relation was left out.</source>
        <translation>“%1”即该卡片自身，已略去此关系。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>%1 is %2 MB, more than the %3 MB an import may be.</source>
        <translation>%1 大小为 %2 MB，超过单次导入上限 %3 MB。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 names %2 records, more than the %3 an import may hold.</source>
        <translation>%1 涉及 %2 个条目，超过单次导入上限 %3 个。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: there was not enough memory to read this card; the file was refused.</source>
        <translation>%1：内存不足，无法读取该卡片；已拒绝该文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the card could not be read: %2</source>
        <translation>%1：无法读取该卡片：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the card could not be read.</source>
        <translation>%1：无法读取该卡片。</translation>
    </message>
    <message>
        <location filename="../app/core/interop/HuggingFaceYaml.cpp" line="+194"/>
        <source>%1, line %2: the front matter must be a mapping of keys to values (such as &quot;license: mit&quot;), not a list or a single value.</source>
        <translation>%1，第 %2 行：前置元数据必须是键值映射（如“license: mit”），而不能是列表或单个值。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1, line %2: a key in %3 is a list or a mapping; keys must be plain text.</source>
        <translation>%1，第 %2 行：%3 中有一个键是列表或映射；键必须是纯文本。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, line %2: the key &quot;%3&quot; appears twice in %4; the Hub refuses such cards. Keep one of them.</source>
        <translation>%1，第 %2 行：键“%3”在 %4 中出现了两次；Hugging Face Hub 会拒绝此类卡片。请只保留其中一个。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1, line %2: %3 nests deeper than %4 levels; no card needs that many, so the file was refused.</source>
        <translation>%1，第 %2 行：%3 的嵌套超过 %4 层；正常卡片不需要这么深的嵌套，因此已拒绝该文件。</translation>
    </message>
    <message>
        <location filename="../app/core/interop/HuggingFaceCardReader.cpp" line="-39"/>
        <location filename="../app/core/interop/HuggingFaceYaml.cpp" line="+33"/>
        <location line="+139"/>
        <source>The import of %1 was cancelled.</source>
        <translation>%1 的导入已取消。</translation>
    </message>
    <message>
        <location filename="../app/core/interop/HuggingFaceYaml.cpp" line="-129"/>
        <source>%1, line %2: %3 is longer than the %4 characters a value may have.</source>
        <translation>%1，第 %2 行：%3 超过了单个值允许的 %4 个字符。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1, line %2: the front matter expands to more than %3 values or %4 MiB of text once its aliases are followed (an &quot;alias bomb&quot;, or not a card); the file was refused.</source>
        <translation>%1，第 %2 行：展开别名后，前置元数据超过 %3 个值或 %4 MiB 文本（可能是“别名炸弹”，或者根本不是卡片）；已拒绝该文件。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the front matter</source>
        <translation>前置元数据</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1, line %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1, line %2: no YAML front matter. A Hugging Face card begins with a line &quot;---&quot;, its metadata, and another line &quot;---&quot;; add that block or import a BOM instead.</source>
        <translation>%1，第 %2 行：没有 YAML 前置元数据。Hugging Face 卡片以一行“---”开头，接着是元数据，再以另一行“---”结束；请添加该区块，或改为导入 BOM。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: the front matter that starts on line %2 is larger than %3 KiB, far more than any card has; the file was refused.</source>
        <translation>%1：从第 %2 行开始的前置元数据超过 %3 KiB，远大于任何正常卡片；已拒绝该文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, line %2: the front matter is never closed; add a line &quot;---&quot; after the metadata.</source>
        <translation>%1，第 %2 行：前置元数据没有结束标记；请在元数据之后添加一行“---”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: the Markdown after the front matter is %2 MiB; a card is a short text, so the file was refused.</source>
        <translation>%1：前置元数据之后的 Markdown 正文有 %2 MiB；卡片应是简短文本，因此已拒绝该文件。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1, line %2, column %3: the YAML front matter is malformed: %4. Fix the metadata between the two &quot;---&quot; lines and import the card again.</source>
        <translation>%1，第 %2 行第 %3 列：YAML 前置元数据格式错误：%4。请修正两行“---”之间的元数据，然后重新导入该卡片。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1, line %2: the front matter nests deeper than %3 levels; no card needs that many, so the file was refused.</source>
        <translation>%1，第 %2 行：前置元数据嵌套超过 %3 层；正常卡片不需要这么深的嵌套，因此已拒绝该文件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, line %2: a value of %3 characters is longer than the %4 a value may have.</source>
        <translation>%1，第 %2 行：某个值长达 %3 个字符，超过了单个值允许的 %4 个。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, line %2: the front matter holds more than %3 values; no card has that many, so the file was refused.</source>
        <translation>%1，第 %2 行：前置元数据包含超过 %3 个值；正常卡片不会有这么多，因此已拒绝该文件。</translation>
    </message>
    <message>
        <location filename="../app/core/interop/HuggingFaceCardKeys.cpp" line="+73"/>
        <source>%1: &quot;%2&quot; should be %3; fix the front matter and import the card again.</source>
        <translation>%1：“%2”应为%3；请修正前置元数据后重新导入该卡片。</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+20"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>text or a list of texts</source>
        <translation>文本或文本列表</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&quot;%1&quot; is not a Hugging Face repo id (ORG/NAME); it was not linked.</source>
        <translation>“%1”不是 Hugging Face 仓库 ID（ORG/NAME），未建立关联。</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+16"/>
        <source>a list of mappings</source>
        <translation>映射列表</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+16"/>
        <location line="+5"/>
        <source>a mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a Hugging Face dataset id; the evaluation was kept in the card&apos;s metadata but not linked.</source>
        <translation>“%1”不是 Hugging Face 数据集 ID；该评测结果已保留在卡片元数据中，但未建立关联。</translation>
    </message>
</context>
<context>
    <name>strata::Identities</name>
    <message>
        <location filename="../app/core/signoff/Signoff.cpp" line="+137"/>
        <location filename="../app/core/trust/Identity.cpp" line="+58"/>
        <source>analyst</source>
        <translation>分析师</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../app/core/trust/Identity.cpp" line="+2"/>
        <source>security lead</source>
        <translation>安全负责人</translation>
    </message>
    <message>
        <location filename="../app/core/trust/Identity.cpp" line="+11"/>
        <source>An identity needs a name; give the reviewer&apos;s name with --name.</source>
        <translation>签名身份需要名称；请用 --name 给出审核人的姓名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The identity name is %1 characters long; at most %2 are allowed.</source>
        <translation>签名身份名称长 %1 个字符；最多允许 %2 个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The identity name contains control characters; remove them.</source>
        <translation>签名身份名称包含控制字符；请删除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A custom role needs its own name, such as &quot;privacy reviewer&quot;; or use analyst or security-lead.</source>
        <translation>自定义角色需要自己的名称，例如“隐私审核人”；或使用 analyst 或 security-lead。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The role &quot;%1&quot; is too long or contains control characters; use at most %2 printable characters.</source>
        <translation>角色“%1”过长或包含控制字符；最多使用 %2 个可打印字符。</translation>
    </message>
</context>
<context>
    <name>strata::ImportApplier</name>
    <message>
        <location filename="../app/core/workspace/ImportApplier.cpp" line="+136"/>
        <location line="+125"/>
        <location line="+44"/>
        <location line="+127"/>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <location line="-292"/>
        <source>%1 (%2): files with digests are recorded for models and datasets; &quot;%3&quot; is a %4.</source>
        <translation>%1（%2）：只有模型和数据集才记录带摘要的文件；“%3”是%4。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Took &quot;%1&quot; to be &quot;%2&quot;, the only record with that repository name; check that they are the same.</source>
        <translation>已将“%1”视为“%2”（唯一具有该仓库名称的条目）；请确认二者确为同一对象。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: kept the hand-typed %2 &quot;%3&quot; (the file says &quot;%4&quot;).</source>
        <translation>%1：保留了手动输入的%2“%3”（文件中为“%4”）。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: the %2 digest of %3 changed from %4 to %5.</source>
        <translation>%1：%3 的 %2 摘要已从 %4 变为 %5。</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Skipped &quot;%1&quot; %2 &quot;%3&quot; (%4): %5</source>
        <translation>已跳过“%1”%2“%3”（%4）：%5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it names a record the document does not describe.</source>
        <translation>它指向的条目在文档中没有描述。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a record cannot be related to itself.</source>
        <translation>条目不能与自身建立关系。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a %1 cannot be &quot;%2&quot; a %3.</source>
        <translation>%1不能与%3建立“%2”关系。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a kind of derivation.</source>
        <translation>“%1”不是有效的派生方式。</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>The import of %1 was cancelled; nothing was changed.</source>
        <translation>已取消导入 %1；未做任何更改。</translation>
    </message>
    <message>
        <location line="+258"/>
        <source>Recording the import of %1</source>
        <translation>记录 %1 的导入</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 added, %2 updated, %3 unchanged; %4 relations added</source>
        <translation>新增 %1 个，更新 %2 个，未变 %3 个；新增关系 %4 条</translation>
    </message>
</context>
<context>
    <name>strata::ImportController</name>
    <message>
        <location filename="../ui/ImportController.cpp" line="+64"/>
        <source>Cancel the import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Import BOMs and Cards</source>
        <translation>导入 BOM 和卡片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BOMs and cards (*.json *.md);;All files (*)</source>
        <translation>BOM 和卡片 (*.json *.md);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This workspace is read-only (%1), so nothing can be imported into it. Open a copy you can write to.</source>
        <translation>此工作区为只读（%1），无法向其中导入任何内容。请打开一份可写入的副本。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There is nothing to import in %1: folders are searched for Markdown cards (*.md) and *.json documents.</source>
        <translation>%1 中没有可导入的内容：只会在文件夹中查找 Markdown 卡片（*.md）和 *.json 文档。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 does not exist; it may have been moved or deleted.</source>
        <translation>%1 不存在；它可能已被移动或删除。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 could not be read: the reader stopped unexpectedly. Nothing was imported from it.</source>
        <translation>无法读取 %1：读取程序意外终止。未从中导入任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was not imported: the workspace was closed.</source>
        <translation>%1 未导入：工作区已关闭。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Adding %1 to the workspace…</source>
        <translation>正在将 %1 添加到工作区…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Adding %1 to the workspace: %2 of %3 rows…</source>
        <translation>正在将 %1 添加到工作区：第 %2 行，共 %3 行…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation>导入已取消；未作任何更改。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Importing %1 (%2 of %3)…</source>
        <translation>正在导入 %1（第 %2 个，共 %3 个）…</translation>
    </message>
</context>
<context>
    <name>strata::ImportOutput</name>
    <message>
        <location filename="../app/cli/ImportOutput.cpp" line="+22"/>
        <source>Hugging Face card</source>
        <translation>Hugging Face 卡片</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%1 added (%n placeholder(s))</source>
        <translation>
            <numerusform>新增 %1 个条目（含 %n 个占位条目）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 added</source>
        <translation>新增 %1 个条目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2): %3, %4 updated, %5 unchanged, %6 skipped; %7, %8 unchanged, %9 skipped</source>
        <translation>%1（%2）：%3，更新 %4 个，未变 %5 个，跳过 %6 个；%7，未变 %8 条，跳过 %9 条</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n relation(s) added</source>
        <translation>
            <numerusform>新增 %n 条关系</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ImportSummaryDialog</name>
    <message>
        <location filename="../ui/ImportSummaryDialog.cpp" line="+46"/>
        <source>Import Summary</source>
        <translation>导入摘要</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Imported files</source>
        <translation>已导入的文件</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Notes on the selected file</source>
        <translation>所选文件的说明</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Imports are not on the undo list (Ctrl+Z). To take imported records out again, delete them; a record&apos;s Provenance tab shows which import described it.</source>
        <translation>导入操作不在撤销列表（Ctrl+Z）中。如需移除导入的条目，请将其删除；条目的“来源”选项卡会显示描述它的导入。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the whole summary as text</source>
        <translation>以文本形式复制整个摘要</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Records the import created</source>
        <translation>本次导入新建的条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Records that existed and took new values from the file</source>
        <translation>已存在、并从文件中取得新值的条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Records that existed with the same values</source>
        <translation>已存在且值相同的条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entries the workspace cannot hold; the notes say why</source>
        <translation>工作区无法收录的项；原因见说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placeholders</source>
        <translation>占位条目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Records only referred to by the file, added as unverified</source>
        <translation>文件仅引用而未描述的条目，已作为未核实条目添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relations added</source>
        <translation>新增关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relations skipped</source>
        <translation>已跳过的关系</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relations the workspace cannot hold; the notes say why</source>
        <translation>工作区无法收录的关系；原因见说明</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not imported: the notes below say why</source>
        <translation>未导入：原因见下方说明</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>CycloneDX</source>
        <translation>CycloneDX</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPDX</source>
        <translation>SPDX</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hugging Face card</source>
        <translation>Hugging Face 卡片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2</source>
        <comment>format and its version</comment>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Imported %1 of %n file(s).</source>
        <translation>
            <numerusform>已导入 %1 个文件（共 %n 个）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Records: %1 added, %2 updated, %3 unchanged, %4 skipped. Relations: %5 added, %6 skipped.</source>
        <translation>条目：新增 %1 个，更新 %2 个，未变 %3 个，跳过 %4 个。关系：新增 %5 条，跳过 %6 条。</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n file(s) could not be imported; they changed nothing.</source>
        <translation>
            <numerusform>有 %n 个文件无法导入；这些文件未造成任何更改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The import was cancelled: %n file(s) were not read and changed nothing.</source>
        <translation>
            <numerusform>导入已取消：有 %n 个文件未读取，未造成任何更改。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notes on %1 (%2):</source>
        <translation>关于 %1（%2）的说明：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why %1 was not imported:</source>
        <translation>%1 未导入的原因：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing to note: every entry was imported as the file states it.</source>
        <translation>无需说明：所有项均已按文件所述导入。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: not imported</source>
        <translation>%1：未导入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2): %3 added, %4 updated, %5 unchanged, %6 skipped, %7 placeholders; relations: %8 added, %9 skipped</source>
        <translation>%1（%2）：新增 %3 个，更新 %4 个，未变 %5 个，跳过 %6 个，占位条目 %7 个；关系：新增 %8 条，跳过 %9 条</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>  - %1</source>
        <comment>a note under a file in the import summary</comment>
        <translation>  - %1</translation>
    </message>
</context>
<context>
    <name>strata::InteropCommands</name>
    <message>
        <location filename="../app/cli/InteropCommands.cpp" line="+80"/>
        <source>strata-cli: reading %1… %2%</source>
        <translation>strata-cli：正在读取 %1… %2%</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>FILE... [--prefer-import]</source>
        <translation>FILE... [--prefer-import]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import CycloneDX BOMs, SPDX 3 documents and Hugging Face cards</source>
        <translation>导入 CycloneDX BOM、SPDX 3 文档和 Hugging Face 卡片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each FILE is a CycloneDX JSON BOM, an SPDX 3.0 JSON-LD document or a Hugging Face card (a
README.md that starts with YAML front matter); the format is read from the content, not the name.
A folder imports every README.md and *.json file under it, in name order.
Each file is imported whole or not at all: a file that cannot be read or fails validation
changes nothing and is reported on stderr, and the other files are still imported.
Records are matched by purl, then by kind, name and version, then by the ids that earlier
imports recorded, so importing the same file again changes nothing. Values typed by hand are
kept unless --prefer-import is given.
The exit code is 1 when any file failed. With --json, prints one object per file.</source>
        <translation>每个 FILE 可以是 CycloneDX JSON BOM、SPDX 3.0 JSON-LD 文档或 Hugging Face 卡片（以 YAML 前置
元数据开头的 README.md）；格式依据文件内容而非文件名判断。
对于文件夹，会按名称顺序导入其下所有 README.md 和 *.json 文件。
每个文件要么完整导入，要么完全不导入：无法读取或未通过校验的文件不会造成任何更改，
并会在标准错误输出中报告，其他文件仍照常导入。
条目依次按 purl、按类型 + 名称 + 版本、再按以往导入所记录的 ID 进行匹配，因此重复导入
同一文件不会造成任何更改。手动输入的值会被保留，除非指定了 --prefer-import。
只要有任一文件失败，退出码即为 1。指定 --json 时，每个文件输出一个对象。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>let the files overwrite values typed by hand</source>
        <translation>允许文件覆盖手动输入的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+26"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>--format cyclonedx|spdx|graphml|csv [--scope ID] -o FILE [--date ISO-8601]</source>
        <translation>--format cyclonedx|spdx|graphml|csv [--scope ID] -o FILE [--date ISO-8601]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the inventory as CycloneDX, SPDX, GraphML or CSV</source>
        <translation>将资产清单导出为 CycloneDX、SPDX、GraphML 或 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formats:
  cyclonedx  CycloneDX 1.6 JSON ML-BOM
  spdx       SPDX 3.0.1 JSON-LD with the AI and Dataset profiles
  graphml    GraphML for yEd and Gephi: records as nodes, relations as edges
  csv        one CSV table per record kind
--scope exports one record (an id or a unique name) and everything upstream of it: what it derives
from, was trained and evaluated on, depends on, is hosted on and provided by. Without --scope the
whole workspace is exported.
csv writes one file per kind in the export, named by putting the kind before the extension:
-o inventory.csv writes %1, %2 and so on; without an extension, .csv is added.
--date fixes the time written into the document, so the same workspace and date give the same
bytes; without it the current time is written.
Each file is replaced atomically: on any error the previous file stays as it was. The folder
must exist.</source>
        <translation>格式：
  cyclonedx  CycloneDX 1.6 JSON ML-BOM
  spdx       SPDX 3.0.1 JSON-LD，含 AI 与 Dataset profile
  graphml    供 yEd 和 Gephi 使用的 GraphML：条目为节点，关系为边
  csv        每种条目类型一个 CSV 表格
--scope 导出一个条目（ID 或唯一名称）及其全部上游：它派生自、训练于、评测于、依赖、
托管于的条目及其提供方。不指定 --scope 时导出整个工作区。
csv 为导出中的每种类型各写一个文件，文件名是在扩展名之前插入类型：
-o inventory.csv 会写出 %1、%2 等；如果没有扩展名，则自动添加 .csv。
--date 固定写入文档的时间，使相同的工作区和日期产生完全相同的字节；
不指定时写入当前时间。
每个文件均以原子方式替换：出现任何错误时，原有文件都保持不变。
目标文件夹必须已存在。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cyclonedx, spdx, graphml or csv</source>
        <translation>cyclonedx、spdx、graphml 或 csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a record to export with everything upstream of it</source>
        <translation>要导出的条目，连同其全部上游</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ISO-8601</source>
        <translation>ISO-8601</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the time to write into the document (default: now)</source>
        <translation>写入文档的时间（默认：当前时间）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1 does not exist; check the path.</source>
        <translation>%1 不存在；请检查路径。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The folder %1 holds no README.md or *.json file to import.</source>
        <translation>文件夹 %1 中没有可导入的 README.md 或 *.json 文件。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Unknown export format &quot;%1&quot;; use one of: %2.</source>
        <translation>未知的导出格式“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--date needs an ISO 8601 date or time, such as 2026-03-01 or 2026-03-01T09:30:00Z; got &quot;%1&quot;.</source>
        <translation>--date 需要 ISO 8601 日期或时间，例如 2026-03-01 或 2026-03-01T09:30:00Z；实际为“%1”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>-o needs the name of the file to write.</source>
        <translation>-o 需要指定要写入的文件名。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 is the workspace itself; choose another file with -o.</source>
        <translation>%1 就是工作区本身；请用 -o 选择其他文件。</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n 条关系</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The export holds no records, so no CSV file was written.</source>
        <translation>导出内容中没有条目，因此未写入任何 CSV 文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrote %1 and %2 to %3.</source>
        <translation>已将 %1和 %2写入 %3。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Wrote %1 and %2 to %n file(s):</source>
        <translation>
            <numerusform>已将 %1和 %2写入 %n 个文件：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::InventoryCommands</name>
    <message>
        <location filename="../app/cli/InventoryCommands.cpp" line="+61"/>
        <source>KEY=VALUE</source>
        <translation>KEY=VALUE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>set a field; may be repeated</source>
        <translation>设置字段；可重复指定</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create an empty workspace</source>
        <translation>创建空工作区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Creates the workspace file named by --workspace, or the default workspace.
Fails when the file already exists.</source>
        <translation>创建 --workspace 指定的工作区文件，或默认工作区。
若文件已存在则失败。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create a workspace holding a demo LLM supply chain</source>
        <translation>创建包含演示用大模型供应链的工作区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fills a new or empty workspace with demo suppliers, models, datasets, software and services.
Refuses a workspace that already has records.</source>
        <translation>向新的或空的工作区填入演示用的供应商、模型、数据集、软件和服务。
拒绝已有条目的工作区。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>KIND is one of: %1.
--supplier links the new record to an existing supplier (id or unique name) with provided_by.
Nothing is added when any part fails.</source>
        <translation>KIND 取值为：%1。
--supplier 通过 provided_by 将新条目关联到现有供应商（ID 或唯一名称）。
任一部分失败时不会添加任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>KIND --name NAME [--version VERSION] [--supplier SUPPLIER]... [--set KEY=VALUE]...</source>
        <translation>KIND --name NAME [--version VERSION] [--supplier SUPPLIER]... [--set KEY=VALUE]...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a record and print its id</source>
        <translation>添加条目并打印其 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+296"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="-296"/>
        <source>name of the record</source>
        <translation>条目名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+295"/>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <location line="-295"/>
        <source>version of the record</source>
        <translation>条目版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+294"/>
        <source>SUPPLIER</source>
        <translation>SUPPLIER</translation>
    </message>
    <message>
        <location line="-294"/>
        <source>supplier id or name; may be repeated</source>
        <translation>供应商 ID 或名称；可重复指定</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <location line="+283"/>
        <source>KIND</source>
        <translation>KIND</translation>
    </message>
    <message>
        <location line="-289"/>
        <source>[KIND] [--search TEXT]</source>
        <translation>[KIND] [--search TEXT]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List records, optionally of one kind or matching a search</source>
        <translation>列出条目，可按类型筛选或按关键词搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KIND is one of: %1.
--search matches each word as the start of a word in names, suppliers and other fields.</source>
        <translation>KIND 取值为：%1。
--search 将每个词与名称、供应商及其他字段中单词的开头进行匹配。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>words to search for</source>
        <translation>要搜索的词</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <location line="+7"/>
        <location line="+3"/>
        <location line="+266"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>Show every field, relation and artifact of a record</source>
        <translation>显示条目的所有字段、关系和制品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID is a record id or a unique name (&quot;name&quot; or &quot;name@version&quot;).</source>
        <translation>ID 为条目 ID 或唯一名称（“name”或“name@version”）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ID --set KEY=VALUE...</source>
        <translation>ID --set KEY=VALUE...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change fields of a record</source>
        <translation>修改条目的字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An empty value clears a field.</source>
        <translation>值为空时清除该字段。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove a record with its relations and artifacts</source>
        <translation>删除条目及其关系和制品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FROM_ID RELATION TO_ID [--kind SUBKIND]</source>
        <translation>FROM_ID RELATION TO_ID [--kind SUBKIND]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a relation between two records</source>
        <translation>在两个条目之间添加关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RELATION is one of: %1.
Read it as &quot;FROM RELATION TO&quot;: a fine-tune is derived_from its base model.
--kind gives the kind of derivation: %2.</source>
        <translation>RELATION 取值为：%1。
按“FROM RELATION TO”理解：微调模型 derived_from 其基础模型。
--kind 指定派生方式：%2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SUBKIND</source>
        <translation>SUBKIND</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kind of derivation, for derived_from</source>
        <translation>派生方式，用于 derived_from</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>FROM_ID</source>
        <translation>FROM_ID</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>RELATION</source>
        <translation>RELATION</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>TO_ID</source>
        <translation>TO_ID</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>FROM_ID RELATION TO_ID</source>
        <translation>FROM_ID RELATION TO_ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove a relation between two records</source>
        <translation>移除两个条目之间的关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RELATION is one of: %1.</source>
        <translation>RELATION 取值为：%1。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Fields for --set:</source>
        <translation>--set 可用的字段：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>every kind</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--set needs KEY=VALUE; got &quot;%1&quot;.</source>
        <translation>--set 需要 KEY=VALUE 格式；实际为“%1”。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 already exists; choose another file with --workspace, or use the workspace that is there.</source>
        <translation>%1 已存在；请用 --workspace 选择其他文件，或直接使用现有的工作区。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+25"/>
        <source>Cannot create the folder %1; check that its parent is writable.</source>
        <translation>无法创建文件夹 %1；请检查其上级文件夹是否可写。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Created the empty workspace %1.</source>
        <translation>已创建空工作区 %1。</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>Created the demo workspace %1 with %n record(s):</source>
        <translation>
            <numerusform>已创建演示工作区 %1，包含 %n 个条目：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+60"/>
        <source>Unknown record kind &quot;%1&quot;; use one of: %2.</source>
        <translation>未知的条目类型“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No records.</source>
        <translation>没有条目。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No records match &quot;%1&quot;.</source>
        <translation>没有与“%1”匹配的条目。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>LICENSE</source>
        <translation>LICENSE</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Updated %1 %2 &quot;%3&quot;.</source>
        <translation>已更新 %1 %2“%3”。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Removed %1 %2 &quot;%3&quot; with %4 and %5.</source>
        <translation>已删除 %1 %2“%3”，连同 %4和 %5。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n 条关系</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n artifact(s)</source>
        <translation>
            <numerusform>%n 个制品</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unknown relation &quot;%1&quot;; use one of: %2.</source>
        <translation>未知关系“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown derivation kind &quot;%1&quot;; use one of: %2.</source>
        <translation>未知派生方式“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Linked %1 %2 %3.</source>
        <translation>已关联：%1 %2 %3。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlinked %1 %2 %3.</source>
        <translation>已取消关联：%1 %2 %3。</translation>
    </message>
</context>
<context>
    <name>strata::InventoryPage</name>
    <message>
        <location filename="../ui/InventoryPage.cpp" line="+39"/>
        <source>%1 %2</source>
        <comment>record name and version</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>This workspace is empty</source>
        <translation>此工作区为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strata keeps the inventory your AI systems are built from: suppliers, models, datasets, software and services, and how they depend on each other. Add the first record here, import the BOMs and model cards you received, or open the demo workspace to see a small supply chain at work.</source>
        <translation>Strata 管理构建 AI 系统所用的资产清单：供应商、模型、数据集、软件和服务，以及它们之间的依赖关系。可以在此添加第一个条目，导入收到的 BOM 和模型卡片，或打开演示工作区，看看一个小型供应链如何运作。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import BOMs or Cards…</source>
        <translation>导入 BOM 或卡片…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Demo Workspace</source>
        <translation>打开演示工作区</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Search %1</source>
        <translation>搜索%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search names, descriptions, tags, notes, licenses, suppliers…</source>
        <translation>搜索名称、描述、标签、备注、许可证、供应商…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a record on this page (Ctrl+N)</source>
        <translation>在此页面新建条目（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duplicate the selected record</source>
        <translation>为所选条目创建副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected record with its fields and outgoing relations (Ctrl+D)</source>
        <translation>复制所选条目及其字段和出向关系（Ctrl+D）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected record</source>
        <translation>删除所选条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected record and its relations (Del)</source>
        <translation>删除所选条目及其关系（Del）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Right-click to choose the columns</source>
        <translation>右键单击以选择显示的列</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>Delete the %1 “%2”?</source>
        <translation>要删除%1“%2”吗？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2</source>
        <comment>relation type, other record</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 it</source>
        <comment>other record, relation type</comment>
        <translation>%1 %2此条目</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>This also removes %n relation(s): %1.</source>
        <translation>
            <numerusform>这也会移除 %n 条关系：%1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Its %n artifact(s) go too.</source>
        <translation>
            <numerusform>其 %n 个制品也会一并删除。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can undo this with Edit › Undo.</source>
        <translation>可通过“编辑 › 撤销”撤销此操作。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete %1</source>
        <translation>删除%1</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n record(s) match the search</source>
        <translation>
            <numerusform>有 %n 个条目符合搜索条件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ItemPanel</name>
    <message>
        <location filename="../ui/assessments/ItemPanel.cpp" line="+89"/>
        <source>%1  %2</source>
        <comment>status button: label and its key</comment>
        <translation>%1  %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set the status (key %1)</source>
        <translation>设置状态（按键 %1）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm the suggested status</source>
        <translation>确认建议的状态</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Raise Finding…</source>
        <translation>提出发现项…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guidance</source>
        <translation>指引</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected evidence</source>
        <translation>应有的证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mappings</source>
        <translation>映射</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes (Markdown; N to edit, Esc to finish)</source>
        <translation>备注（Markdown；按 N 编辑，按 Esc 结束）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you checked, what you found, and where it is written down.</source>
        <translation>检查了什么、发现了什么、记录在哪里。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notes preview</source>
        <translation>备注预览</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Linked evidence</source>
        <translation>已关联的证据</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unlink Evidence</source>
        <translation>取消关联证据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the selected evidence off this item; the file stays in the evidence store.</source>
        <translation>从此检查项上取消所选证据的关联；文件仍保留在证据库中。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Drop files here, or press E to attach evidence to this item.</source>
        <translation>将文件拖放到此处，或按 E 为此检查项附加证据。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attach Evidence…</source>
        <translation>附加证据…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No item</source>
        <translation>没有检查项</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1  %2</source>
        <comment>item reference and title</comment>
        <translation>%1  %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mandatory</source>
        <translation>必选</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Layer: %1</source>
        <translation>层面：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <location line="+39"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Property: %1</source>
        <translation>安全属性：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · </source>
        <comment>separator between facts</comment>
        <translation> · </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 by %2 on %3</source>
        <translation>%1（审核人 %2，%3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not answered yet.</source>
        <translation>尚无结论。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Automated checks suggest %1:
%2</source>
        <translation>自动检查建议：%1
%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm: %1</source>
        <translation>确认：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm the suggested status: %1</source>
        <translation>确认建议的状态：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The catalog gives none.</source>
        <translation>检查项目录未提供。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %2</source>
        <comment>framework name and version</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <comment>framework: references</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No mappings.</source>
        <translation>没有映射。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1  (%2, %3, SHA-256 %4…)</source>
        <translation>%1  （%2，%3，SHA-256 %4…）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expired on %1: %2</source>
        <translation>已于 %1 过期：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expires on %1: %2</source>
        <translation>将于 %1 到期：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No evidence linked yet.</source>
        <translation>尚未关联证据。</translation>
    </message>
</context>
<context>
    <name>strata::JsonScan</name>
    <message>
        <location filename="../app/core/interop/JsonScan.cpp" line="+147"/>
        <source>%1, line %2: the key &quot;%3&quot; appears twice in the same object. A document with repeated keys is ambiguous (tools disagree on which value counts) and is refused; remove one of them.</source>
        <translation>%1，第 %2 行：键“%3”在同一对象中出现了两次。含有重复键的文档存在歧义（各工具对哪个值有效的理解不同），因此被拒绝；请删除其中一个。</translation>
    </message>
</context>
<context>
    <name>strata::KeyFile</name>
    <message>
        <location filename="../app/core/trust/KeyFile.cpp" line="+27"/>
        <source>%1 already exists; a key file is never overwritten. Choose another name.</source>
        <translation>%1 已存在；密钥文件永远不会被覆盖。请换一个文件名。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The key file %1 does not exist; check the path.</source>
        <translation>密钥文件 %1 不存在；请检查路径。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key file %1 can be read or changed by other users; make it private first (chmod 600 %1).</source>
        <translation>密钥文件 %1 可被其他用户读取或修改；请先将其设为私有（chmod 600 %1）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read the key file %1: %2</source>
        <translation>无法读取密钥文件 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has no &quot;Strata-Key-Fingerprint:&quot; line, so it is not a Strata key file or it was changed; use the file strata-cli key new wrote.</source>
        <translation>%1 没有“Strata-Key-Fingerprint:”行，因此不是 Strata 密钥文件或已被修改；请使用 strata-cli key new 写入的文件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was changed: the key it holds does not match its fingerprint line. Restore the key file from a backup.</source>
        <translation>%1 已被修改：其中的密钥与指纹行不符。请从备份恢复密钥文件。</translation>
    </message>
</context>
<context>
    <name>strata::Kinds</name>
    <message>
        <location filename="../app/core/domain/Kinds.cpp" line="+57"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>Software</source>
        <translation>软件</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>derived from</source>
        <translation>派生自</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trained on</source>
        <translation>训练于</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>evaluated on</source>
        <translation>评测于</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>provided by</source>
        <translation>提供方为</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>depends on</source>
        <translation>依赖</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hosted on</source>
        <translation>托管于</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>fine-tune</source>
        <translation>微调</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>adapter</source>
        <translation>适配器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>quantized</source>
        <translation>量化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>distilled</source>
        <translation>蒸馏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>strata::LanguageChoice</name>
    <message>
        <location filename="../ui/LanguageChoice.cpp" line="+20"/>
        <source>System language (%1)</source>
        <translation>系统语言（%1）</translation>
    </message>
</context>
<context>
    <name>strata::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+57"/>
        <source>Strata workspaces (*.strata);;All files (*)</source>
        <translation>Strata 工作区 (*.strata);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="+35"/>
        <source>&amp;New Workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open Workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Close Workspace</source>
        <translation>关闭工作区(&amp;C)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import CycloneDX or SPDX 3 documents and Hugging Face cards (or drop them here)</source>
        <translation>导入 CycloneDX 或 SPDX 3 文档以及 Hugging Face 卡片（也可直接拖放到此处）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export &amp;Report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a PDF assessment report on a release, an assessment or a supplier</source>
        <translation>为发布版本、评估或供应商生成 PDF 评估报告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New &amp;Record</source>
        <translation>新建条目(&amp;R)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&amp;Verify Audit Trail</source>
        <translation>验证审计追踪(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recompute the audit trail&apos;s hash chain and name the first bad row</source>
        <translation>重新计算审计追踪的哈希链，并指出第一条有问题的记录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New &amp;Release…</source>
        <translation>新建发布版本(&amp;R)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New &amp;Assessment…</source>
        <translation>新建评估(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+49"/>
        <location filename="../ui/MainWindowActions.cpp" line="-49"/>
        <source>Graph</source>
        <translation>谱系图</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/MainWindowActions.cpp" line="+4"/>
        <source>Assessments</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="+52"/>
        <source>Open &amp;Demo Workspace</source>
        <translation>打开演示工作区(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Strata</source>
        <translation>关于 Strata(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pr&amp;eferences…</source>
        <translation>首选项(&amp;E)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="-19"/>
        <source>No workspace is open</source>
        <translation>未打开工作区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A workspace is one file that holds your inventory of suppliers, models, datasets, software and services. Create a new one, open an existing one, or explore the demo.</source>
        <translation>工作区是一个文件，保存着供应商、模型、数据集、软件和服务的资产清单。可以新建工作区、打开已有工作区，或浏览演示工作区。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New Workspace…</source>
        <translation>新建工作区…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Demo Workspace</source>
        <translation>打开演示工作区</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../ui/MainWindowActions.cpp" line="-114"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/MainWindowActions.cpp" line="+7"/>
        <source>Findings</source>
        <translation>发现项</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/MainWindowActions.cpp" line="+8"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Checking the changes the last session left in %1 before opening it…</source>
        <translation>打开前正在检查上次会话在 %1 中留下的更改…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Workspace on a Shared Disk</source>
        <translation>工作区位于共享磁盘</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” already exists. Choose another name for the new workspace, or open this one with File › Open Workspace.</source>
        <translation>“%1”已存在。请为新工作区另选名称，或通过“文件 › 打开工作区”打开它。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not create a folder for the demo workspace: %1. Check that the temporary folder is writable.</source>
        <translation>无法为演示工作区创建文件夹：%1。请检查临时文件夹是否可写。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Open Workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New Workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No Recent Workspaces</source>
        <translation>无最近打开的工作区</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear Menu</source>
        <translation>清除菜单</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Strata</source>
        <translation>Strata</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — Strata</source>
        <translation>%1 — Strata</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No workspace open</source>
        <translation>未打开工作区</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (temporary demo: removed when it is closed)</source>
        <translation>%1（临时演示：关闭后即删除）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read-only: %1</source>
        <translation>只读：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · </source>
        <comment>separator between counts</comment>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>strata::MessageBoxPrompter</name>
    <message>
        <location filename="../ui/MessageBoxPrompter.cpp" line="+21"/>
        <source>Strata</source>
        <translation>Strata</translation>
    </message>
</context>
<context>
    <name>strata::ModelSignature</name>
    <message>
        <location filename="../app/core/trust/ModelSignature.cpp" line="+111"/>
        <source>%1 is not a folder; give the model&apos;s folder.</source>
        <translation>%1 不是文件夹；请给出模型所在的文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read the signature file %1; check the path.</source>
        <translation>无法读取签名文件 %1；请检查路径。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: the signature does not verify with the public key %2 (%3). The signature was made with another key, or the signature file was changed.</source>
        <translation>%1：签名无法用公钥 %2（%3）验证。签名是用另一个密钥生成的，或签名文件已被修改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the signed payload type is &quot;%2&quot;, not %3.</source>
        <translation>%1：已签名载荷的类型是“%2”，而不是 %3。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 holds more than %2 files; it is not a model folder Strata can verify.</source>
        <translation>%1 包含超过 %2 个文件，不是 Strata 能验证的模型文件夹。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is a symbolic link, and the signature does not allow links.</source>
        <translation>%1 是符号链接，而签名不允许链接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a symbolic link that leads outside the model folder.</source>
        <translation>%1 是指向模型文件夹之外的符号链接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a symbolic link to a folder, which Strata does not follow.</source>
        <translation>%1 是指向文件夹的符号链接，Strata 不会跟随。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a regular file (a device, socket or pipe).</source>
        <translation>%1 不是普通文件（而是设备、套接字或管道）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Verifying %1 was cancelled.</source>
        <translation>已取消验证 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is listed in the signature but missing from the folder.</source>
        <translation>%1 列在签名中，但文件夹中缺失。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 was changed: its SHA-256 is %2, the signature says %3.</source>
        <translation>%1 已被修改：其 SHA-256 为 %2，签名中为 %3。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 is in the folder but not covered by the signature.</source>
        <translation>%1 在文件夹中，但不在签名覆盖范围内。</translation>
    </message>
</context>
<context>
    <name>strata::ModelStatements</name>
    <message>
        <location filename="../app/core/trust/ModelStatement.cpp" line="+37"/>
        <source>%1 is larger than %2 MiB; it is not a model signature.</source>
        <translation>%1 大于 %2 MiB，不是模型签名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a JSON object, so not a Sigstore bundle.</source>
        <translation>%1 不是 JSON 对象，因此不是 Sigstore 捆绑包。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: &quot;mediaType&quot; is &quot;%2&quot;, not a Sigstore bundle (application/vnd.dev.sigstore.bundle...).</source>
        <translation>%1：“mediaType”为“%2”，不是 Sigstore 捆绑包（application/vnd.dev.sigstore.bundle...）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 holds no &quot;dsseEnvelope&quot;; only DSSE model signatures can be verified.</source>
        <translation>%1 中没有“dsseEnvelope”；只能验证 DSSE 模型签名。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the signed payload is not a JSON object, so not an in-toto statement.</source>
        <translation>已签名的载荷不是 JSON 对象，因此不是 in-toto 声明。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the signed statement&apos;s &quot;_type&quot; is &quot;%1&quot;, not %2.</source>
        <translation>已签名声明的“_type”为“%1”，而不是 %2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the signed statement&apos;s &quot;predicateType&quot; is &quot;%1&quot;, not %2; this is not a model signature.</source>
        <translation>已签名声明的“predicateType”为“%1”，而不是 %2；这不是模型签名。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the signed statement needs exactly one subject with a SHA-256 digest.</source>
        <translation>已签名的声明需要恰好一个带 SHA-256 摘要的主体（subject）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the model was signed with the serialization method &quot;%1&quot;; only &quot;files&quot; can be verified.</source>
        <translation>该模型使用序列化方法“%1”签名；只能验证“files”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the model&apos;s files were hashed with &quot;%1&quot;; only sha256 can be verified.</source>
        <translation>该模型的文件使用“%1”计算哈希；只能验证 sha256。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the signature lists %1 ignored paths; at most %2 are accepted.</source>
        <translation>签名列出了 %1 个忽略路径；最多接受 %2 个。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the ignored path &quot;%1&quot; is not a plain relative path inside the model folder.</source>
        <translation>忽略路径“%1”不是模型文件夹内的普通相对路径。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the signed statement has no &quot;resources&quot; list.</source>
        <translation>已签名的声明没有“resources”列表。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the signature lists %1 files; at most %2 are accepted.</source>
        <translation>签名列出了 %1 个文件；最多接受 %2 个。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>resource %1 has the name &quot;%2&quot;, which is not a plain relative path inside the model folder (absolute, &quot;..&quot;, backslash or control characters).</source>
        <translation>第 %1 个资源的名称为“%2”，不是模型文件夹内的普通相对路径（绝对路径、“..”、反斜杠或控制字符）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>resource &quot;%1&quot; has no SHA-256 digest.</source>
        <translation>资源“%1”没有 SHA-256 摘要。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file &quot;%1&quot; is listed twice.</source>
        <translation>文件“%1”被列出了两次。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the subject digest does not match the listed files&apos; digests; the statement is inconsistent.</source>
        <translation>主体摘要与所列文件的摘要不符；该声明自相矛盾。</translation>
    </message>
</context>
<context>
    <name>strata::NewAssessmentDialog</name>
    <message>
        <location filename="../ui/assessments/NewAssessmentDialog.cpp" line="+31"/>
        <source>New Assessment</source>
        <translation>新建评估</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A release</source>
        <translation>发布版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A record</source>
        <translation>条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A supplier and what it provides</source>
        <translation>供应商及其提供的条目</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1 (%n record(s))</source>
        <translation>
            <numerusform>%1（%n 个条目）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%1 %2 (%n item(s))</source>
        <translation>
            <numerusform>%1 %2（%n 个检查项）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Create Assessment</source>
        <translation>创建评估</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Assess:</source>
        <translation>评估对象(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scope:</source>
        <translation>范围(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Catalog:</source>
        <translation>检查项目录(&amp;C)：</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>There is no release yet; create one with New Release, or assess a record.</source>
        <translation>还没有发布版本；请用“新建发布版本”创建一个，或评估某个条目。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the release to assess.</source>
        <translation>请选择要评估的发布版本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the record to assess.</source>
        <translation>请选择要评估的条目。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the supplier to assess.</source>
        <translation>请选择要评估的供应商。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workspace holds no catalog; import one with File › Import Catalog.</source>
        <translation>工作区中没有检查项目录；请通过“文件 › 导入检查项目录”导入一个。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open a workspace first.</source>
        <translation>请先打开一个工作区。</translation>
    </message>
</context>
<context>
    <name>strata::NewReleaseDialog</name>
    <message>
        <location filename="../ui/assessments/NewReleaseDialog.cpp" line="+24"/>
        <source>New Release</source>
        <translation>新建发布版本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>for example: support-assistant</source>
        <translation>例如：support-assistant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>for example: 2.1.0</source>
        <translation>例如：2.1.0</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Records in the release</source>
        <translation>发布版本中的条目</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create Release</source>
        <translation>创建发布版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Root record:</source>
        <translation>根条目(&amp;R)：</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Give the release a name.</source>
        <translation>请为发布版本命名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name is %1 characters long; at most %2 are allowed.</source>
        <translation>名称长 %1 个字符；最多允许 %2 个。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The version is %1 characters long; at most %2 are allowed.</source>
        <translation>版本长 %1 个字符；最多允许 %2 个。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the root record: the model or service being shipped.</source>
        <translation>请选择根条目：要交付的模型或服务。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open a workspace first.</source>
        <translation>请先打开一个工作区。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 %2</source>
        <comment>record name and version</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <comment>record and its kind</comment>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The release will hold %n record(s): the root and everything upstream of it.</source>
        <translation>
            <numerusform>发布版本将包含 %n 个条目：根条目及其全部上游。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a root to see what the release will hold.</source>
        <translation>选择根条目后即可看到发布版本将包含的内容。</translation>
    </message>
</context>
<context>
    <name>strata::OpenCheck</name>
    <message>
        <location filename="../app/core/storage/OpenCheck.cpp" line="+93"/>
        <source>%1 has a -wal file beside it, and Strata could not copy the two to check that they belong together (the disk may be full). Nothing was changed.</source>
        <translation>%1 旁边有一个 -wal 文件，而 Strata 无法复制这两个文件来检查它们是否属于同一工作区（磁盘可能已满）。未做任何更改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The workspace was left unchanged. Move %1 out of the folder and open the workspace again (changes that exist only in that file are then lost), or restore a backup.</source>
        <translation>工作区未被更改。请将 %1 移出该文件夹后重新打开工作区（仅存在于该文件中的更改将会丢失），或从备份恢复。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 cannot be applied to %2 (%3): it belongs to another database or is damaged. %4</source>
        <translation>%1 无法应用到 %2（%3）：它属于另一个数据库或已损坏。%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 belongs to another database, not to the Strata workspace %2. %3</source>
        <translation>%1 属于另一个数据库，而不是 Strata 工作区 %2。%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 belongs to another Strata workspace, not to %2. %3</source>
        <translation>%1 属于另一个 Strata 工作区，而不是 %2。%3</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 is damaged (it is %2 bytes long, which is not the whole number of %3-byte pages its header describes: it was cut short or appended to). It was left unchanged; restore it from a backup.</source>
        <translation>%1 已损坏（它长 %2 字节，不是其文件头所描述的 %3 字节页面的整数倍：它被截短或被追加了内容）。文件未被更改；请从备份恢复。</translation>
    </message>
</context>
<context>
    <name>strata::Output</name>
    <message>
        <location filename="../app/cli/Output.cpp" line="+124"/>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>strata::PageCopy</name>
    <message>
        <location filename="../app/core/storage/PageCopy.cpp" line="+32"/>
        <source>%1 already exists.</source>
        <translation>%1 已存在。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The workspace connection is not open.</source>
        <translation>工作区连接未打开。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot start copying the workspace to %1: %2</source>
        <translation>无法开始将工作区复制到 %1：%2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The copy of the workspace was already abandoned.</source>
        <translation>工作区的副本已被放弃。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Finishing the copy of the workspace at %1 failed: %2</source>
        <translation>完成工作区副本 %1 失败：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copying the workspace to %1 failed: %2</source>
        <translation>将工作区复制到 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>strata::PreferencesDialog</name>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="+22"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new language applies the next time Strata starts. Starting Strata with --lang LOCALE overrides this choice.</source>
        <translation>新的语言将在下次启动 Strata 时生效。以 --lang LOCALE 启动 Strata 时，以该选项为准。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>strata::PrivateKey</name>
    <message>
        <location filename="../app/core/trust/Keys.cpp" line="+304"/>
        <source>OpenSSL could not generate a %1 key pair.</source>
        <translation>OpenSSL 无法生成 %1 密钥对。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>An Ed25519 seed is 32 bytes; this one is %1.</source>
        <translation>Ed25519 种子为 32 字节；这个是 %1 字节。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is larger than %2 KiB; it is not a Strata key file.</source>
        <translation>%1 大于 %2 KiB，不是 Strata 密钥文件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not an encrypted private key file (a PEM block that starts with -----BEGIN ENCRYPTED PRIVATE KEY-----), or it was damaged.</source>
        <translation>%1 不是加密的私钥文件（以 -----BEGIN ENCRYPTED PRIVATE KEY----- 开头的 PEM 块），或已损坏。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 asks for %2 key-derivation rounds to unlock, more than the %3 Strata allows, so it would stall Strata; it is refused unopened. Use a key file that strata-cli key new wrote.</source>
        <translation>%1 要求 %2 轮密钥派生才能解锁，超过 Strata 允许的 %3 轮，会使 Strata 长时间停滞；因此未打开即被拒绝。请使用 strata-cli key new 写出的密钥文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 asks for a scrypt cost (N × r × p) of %2 to unlock, more than the %3 Strata allows, so it would stall Strata; it is refused unopened. Use a key file that strata-cli key new wrote.</source>
        <translation>%1 要求 scrypt 开销（N × r × p）为 %2 才能解锁，超过 Strata 允许的 %3，会使 Strata 长时间停滞；因此未打开即被拒绝。请使用 strata-cli key new 写出的密钥文件。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot unlock %1: the passphrase is wrong, or the key file was changed. Check the passphrase (STRATA_PASSPHRASE) and the file.</source>
        <translation>无法解锁 %1：口令错误，或密钥文件已被修改。请检查口令（STRATA_PASSPHRASE）和文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The key in %1 is %2, which Strata cannot sign with.</source>
        <translation>%1 中的密钥是 %2，Strata 无法用它签名。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>OpenSSL could not make a %1 signature.</source>
        <translation>OpenSSL 无法生成 %1 签名。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>OpenSSL could not encrypt the private key.</source>
        <translation>OpenSSL 无法加密私钥。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The passphrase is empty; a private key is never written unprotected.</source>
        <translation>口令为空；私钥永远不会以未加密的形式写入。</translation>
    </message>
</context>
<context>
    <name>strata::ProvenancePanel</name>
    <message>
        <location filename="../ui/ProvenancePanel.cpp" line="+94"/>
        <source> · </source>
        <comment>separator between values</comment>
        <translation> · </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Imports that described this record</source>
        <translation>描述此条目的导入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Kept from imports</source>
        <translation>导入时保留的数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>No import described this record: it was entered by hand.</source>
        <translation>没有导入描述过此条目：它是手动录入的。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Described by %n import(s):</source>
        <translation>
            <numerusform>由 %n 次导入描述：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SHA-256 of the file: %1</source>
        <translation>文件的 SHA-256：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ids in the documents: %1</source>
        <translation>文档中的 ID：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>No field was typed by hand.</source>
        <translation>没有手动输入的字段。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Typed by hand (a re-import keeps these values): %1</source>
        <translation>手动输入（重新导入时会保留这些值）：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Imports kept nothing else for this record.</source>
        <translation>导入未为此条目保留其他数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept whole from imports (read-only):</source>
        <translation>从导入中完整保留的数据（只读）：</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n 个键</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>[%1]</source>
        <comment>position in a list</comment>
        <translation>[%1]</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>… %n more not shown</source>
        <translation>
            <numerusform>… 另有 %n 项未显示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ProvenanceRepository</name>
    <message>
        <location filename="../app/core/storage/ProvenanceRepository.cpp" line="+52"/>
        <location line="+11"/>
        <source>Recording the import of %1</source>
        <translation>记录 %1 的导入</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Recording where record %1 came from</source>
        <translation>记录条目 %1 的来源</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading import references</source>
        <translation>读取导入引用</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+11"/>
        <source>Reading where record %1 came from</source>
        <translation>读取条目 %1 的来源</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Keeping &quot;%1&quot; for record %2</source>
        <translation>为条目 %2 保留“%1”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading what imports kept for record %1</source>
        <translation>读取导入为条目 %1 保留的数据</translation>
    </message>
</context>
<context>
    <name>strata::PublicKey</name>
    <message>
        <location filename="../app/core/trust/Keys.cpp" line="-234"/>
        <source>%1 is larger than %2 KiB; a public key file is much smaller.</source>
        <translation>%1 大于 %2 KiB；公钥文件要小得多。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 holds a private key; give the public key file instead (never share the private key).</source>
        <translation>%1 包含私钥；请改为提供公钥文件（永远不要分享私钥）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 holds no readable public key; expected a PEM block that starts with -----BEGIN PUBLIC KEY-----.</source>
        <translation>%1 中没有可读取的公钥；应为以 -----BEGIN PUBLIC KEY----- 开头的 PEM 块。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The key in %1 is %2; only %3 keys are accepted here.</source>
        <translation>%1 中的密钥是 %2；这里只接受 %3 密钥。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot read the key file %1; check the path.</source>
        <translation>无法读取密钥文件 %1；请检查路径。</translation>
    </message>
</context>
<context>
    <name>strata::RaiseFindingDialog</name>
    <message>
        <location filename="../ui/assessments/RaiseFindingDialog.cpp" line="+35"/>
        <location line="+30"/>
        <source>Raise Finding</source>
        <translation>提出发现项</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Item %1 failed: %2</source>
        <translation>检查项 %1 不通过：%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>who handles it</source>
        <translation>由谁处理</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Likelihood (1–5):</source>
        <translation>可能性（1–5）(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Impact (1–5):</source>
        <translation>影响（1–5）(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score:</source>
        <translation>分值：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Due:</source>
        <translation>到期日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Give the finding a title that says what is wrong.</source>
        <translation>请为发现项填写说明问题所在的标题。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name the owner who handles the finding.</source>
        <translation>请填写处理该发现项的负责人。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The due date %1 has passed; choose today or a later day.</source>
        <translation>到期日期 %1 已过；请选择今天或之后的日期。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open a workspace first.</source>
        <translation>请先打开一个工作区。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 (likelihood × impact)</source>
        <translation>%1（可能性 × 影响）</translation>
    </message>
</context>
<context>
    <name>strata::RecordEditor</name>
    <message>
        <location filename="../ui/RecordEditor.cpp" line="+54"/>
        <source>Select a record in the list to see and edit its details.</source>
        <translation>在列表中选择条目，即可查看和编辑其详细信息。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Placeholder, unverified: an import referred to this record but did not describe it. Check its details, then mark it as verified.</source>
        <translation>占位条目，未核实：某次导入引用了此条目，但未对其进行描述。请检查其详细信息，然后将其标记为已核实。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mark as Verified</source>
        <translation>标记为已核实</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark as verified</source>
        <translation>标记为已核实</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revert changes</source>
        <translation>还原更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put back the stored values</source>
        <translation>恢复为已保存的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply changes</source>
        <translation>应用更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes (Ctrl+Return)</source>
        <translation>保存更改（Ctrl+Return）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Relations, artifacts and provenance</source>
        <translation>关系、制品和来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Artifacts</source>
        <translation>制品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Provenance</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in at least a name, then apply to add it to the workspace.</source>
        <translation>请至少填写名称，然后点击“应用”将其添加到工作区。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2</source>
        <comment>record name and version</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 #%2 · created %3 by %4</source>
        <translation>%1 #%2 · 由 %4 创建于 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · updated %2 by %3</source>
        <translation>%1 · 由 %3 更新于 %2</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>the new %1</source>
        <translation>新建的%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard Changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your changes to %1 are not applied yet. Discard them?</source>
        <translation>您对%1所做的更改尚未应用。要放弃这些更改吗？</translation>
    </message>
</context>
<context>
    <name>strata::RecordPicker</name>
    <message>
        <location filename="../ui/assessments/RecordPicker.cpp" line="+28"/>
        <source>Search records by name…</source>
        <translation>按名称搜索条目…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Matching records</source>
        <translation>匹配的条目</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 %2</source>
        <comment>record name and version</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <comment>record and its kind</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>strata::RecordRepository</name>
    <message>
        <location filename="../app/core/storage/RecordRepository.cpp" line="+121"/>
        <source>(no version)</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A %1 named &quot;%2&quot; with version %3 already exists; change the name or the version.</source>
        <translation>已存在名为“%2”的%1（版本：%3）；请修改名称或版本。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Adding &quot;%1&quot;</source>
        <translation>添加“%1”</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Saving &quot;%1&quot;</source>
        <translation>保存“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>Record %1 does not exist.</source>
        <translation>条目 %1 不存在。</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Deleting record %1</source>
        <translation>删除条目 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deleting record %1 from the search index</source>
        <translation>从搜索索引中删除条目 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+22"/>
        <source>Reading record %1</source>
        <translation>读取条目 %1</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+22"/>
        <source>There is no record with id %1; &quot;strata-cli list&quot; shows the ids.</source>
        <translation>不存在 ID 为 %1 的条目；“strata-cli list”可列出所有 ID。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Looking up &quot;%1&quot;</source>
        <translation>查找“%1”</translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+8"/>
        <source>Listing records</source>
        <translation>列出条目</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Searching records</source>
        <translation>搜索记录</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+19"/>
        <location line="+27"/>
        <source>Reading records</source>
        <translation>读取条目</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Counting records</source>
        <translation>统计条目数量</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+7"/>
        <source>Updating the search index</source>
        <translation>更新搜索索引</translation>
    </message>
</context>
<context>
    <name>strata::RecordTableModel</name>
    <message>
        <location filename="../models/RecordTableModel.cpp" line="+112"/>
        <source>%1@%2</source>
        <comment>record name@version</comment>
        <translation>%1@%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
Referenced by an import but not yet verified.</source>
        <translation>%1
已被导入引用，但尚未核实。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (unverified)</source>
        <comment>placeholder record</comment>
        <translation>%1（未核实）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>License</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>strata::RecordText</name>
    <message>
        <location filename="../app/cli/RecordText.cpp" line="+17"/>
        <source>%1 by %2</source>
        <translation>%1（操作人：%2）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>yes: referenced by an import, not yet verified</source>
        <translation>是：已被导入引用，尚未核实</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Relations (%1)</source>
        <translation>关系（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>out</source>
        <translation>出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in</source>
        <translation>入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DIRECTION</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RELATION</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SUBTYPE</source>
        <translation>子类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OTHER</source>
        <translation>对端</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VERSION</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Artifacts (%1)</source>
        <translation>制品（%1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BYTES</source>
        <translation>字节数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DIGEST</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>strata::RelationRepository</name>
    <message>
        <location filename="../app/core/storage/RelationRepository.cpp" line="+62"/>
        <source>Record %1 is already %2 record %3.</source>
        <translation>条目 %1 与条目 %3 之间已存在“%2”关系。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record %1 or %2 does not exist.</source>
        <translation>条目 %1 或 %2 不存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adding a relation</source>
        <translation>添加关系</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Removing relation %1</source>
        <translation>移除关系 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>There is no relation with id %1.</source>
        <translation>不存在 ID 为 %1 的关系。</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Reading relation %1</source>
        <translation>读取关系 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+44"/>
        <location line="+16"/>
        <source>Reading relations</source>
        <translation>读取关系</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Record %1 is not %2 record %3.</source>
        <translation>条目 %1 与条目 %3 之间不存在“%2”关系。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the relations of record %1</source>
        <translation>读取条目 %1 的关系</translation>
    </message>
</context>
<context>
    <name>strata::RelationTableModel</name>
    <message>
        <location filename="../models/RelationTableModel.cpp" line="+74"/>
        <source>%1 %2</source>
        <comment>record name and version</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 %2 %3</source>
        <comment>record, relation, record</comment>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>条目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subtype</source>
        <translation>子类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is base of</source>
        <comment>incoming derived_from: this record is the parent</comment>
        <translation>派生出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trained</source>
        <comment>incoming trained_on: this dataset trained the other model</comment>
        <translation>用于训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>evaluated</source>
        <comment>incoming evaluated_on: this dataset evaluated the other model</comment>
        <translation>用于评测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>provides</source>
        <comment>incoming provided_by: this supplier provides the other record</comment>
        <translation>提供</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is needed by</source>
        <comment>incoming depends_on</comment>
        <translation>被依赖于</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hosts</source>
        <comment>incoming hosted_on: this service hosts the other record</comment>
        <translation>托管</translation>
    </message>
</context>
<context>
    <name>strata::RelationsPanel</name>
    <message>
        <location filename="../ui/RelationsPanel.cpp" line="+31"/>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double-click a relation to open the record at its other end</source>
        <translation>双击关系可打开其另一端的条目</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add Relation…</source>
        <translation>添加关系…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add relation</source>
        <translation>添加关系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove relation</source>
        <translation>移除关系</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 %2</source>
        <comment>record name and version</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the relation “%1 %2”?</source>
        <translation>要移除关系“%1 %2”吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the relation “%1 %2 this record”?</source>
        <translation>要移除关系“%1 %2此条目”吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove Relation</source>
        <translation>移除关系</translation>
    </message>
</context>
<context>
    <name>strata::ReleaseSignoffPanel</name>
    <message>
        <location filename="../ui/assessments/ReleaseSignoffPanel.cpp" line="+67"/>
        <source>✔ Valid</source>
        <translation>✔ 有效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ Stale</source>
        <translation>⚠ 已失效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✖ Broken</source>
        <translation>✖ 已损坏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>○ Not signed</source>
        <translation>○ 未签核</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Releases and their sign-off</source>
        <translation>发布版本及其签核</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Release</source>
        <translation>发布版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Records</source>
        <translation>条目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign-off</source>
        <translation>签核</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Needs</source>
        <translation>需要</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gate</source>
        <translation>门禁</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign-off details</source>
        <translation>签核详情</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Releases</source>
        <translation>发布版本</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>⌛ Checking sign-offs and re-hashing evidence…</source>
        <translation>⌛ 正在检查签核并重新计算证据哈希…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign Off…</source>
        <translation>签核…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+225"/>
        <source>Approve or reject the selected release with your signing key</source>
        <translation>用您的签名密钥批准或驳回所选发布版本</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>no assessment</source>
        <translation>无评估</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>✔ passes</source>
        <translation>✔ 通过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>✖ closed</source>
        <translation>✖ 未通过</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Start an assessment of this release before signing it off</source>
        <translation>签核此发布版本之前，请先开始对它的评估</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No release yet: create one with New Release….</source>
        <translation>尚无发布版本：请用“新建发布版本…”创建一个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the sign-offs of this release…</source>
        <translation>正在检查此发布版本的签核…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No assessment yet: start one to sign off (New Assessment…).
%1</source>
        <translation>尚无评估：开始一项评估后才能签核（新建评估…）。
%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2): %3, %4. %5</source>
        <translation>%1（%2）：%3，%4。%5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (superseded)</source>
        <translation>%1（已被取代）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>    conditions: %1</source>
        <translation>    条件：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>    broken: %1</source>
        <translation>    已损坏：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>What changed since it was signed (%n change(s)):</source>
        <translation>
            <numerusform>签核后发生的变更（%n 处）：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ReportCanvas</name>
    <message>
        <location filename="../app/report/ReportCanvas.cpp" line="+118"/>
        <source>Strata assessment report</source>
        <translation>Strata 评估报告</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>strata::ReportCharts</name>
    <message>
        <location filename="../app/report/ReportCharts.cpp" line="+114"/>
        <source>Impact →</source>
        <translation>影响 →</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Likelihood →</source>
        <translation>可能性 →</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (score %2)</source>
        <translation>%1（分值 %2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Numbers count open, mitigating and accepted findings in each cell; closed ones are left out.</source>
        <translation>格中数字为未处理、缓解中和已接受的发现项数量，不含已关闭的发现项。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>strata::ReportCollector</name>
    <message>
        <location filename="../app/report/ReportCollector.cpp" line="+192"/>
        <source>Release %1</source>
        <translation>发布版本 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Supplier %1</source>
        <translation>供应商 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&quot;%1&quot; is not an assessment id; &quot;assess list&quot; shows the ids.</source>
        <translation>“%1”不是评估 ID；“assess list”会列出所有 ID。</translation>
    </message>
</context>
<context>
    <name>strata::ReportCommands</name>
    <message>
        <location filename="../app/cli/ReportCommands.cpp" line="+56"/>
        <source>--release NAME|--assessment ID|--supplier ID -o FILE.pdf [--lang zh_CN] [--paper a4|letter] [--pdfa] [--date ISO-8601]</source>
        <translation>--release NAME|--assessment ID|--supplier ID -o FILE.pdf [--lang zh_CN] [--paper a4|letter] [--pdfa] [--date ISO-8601]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a PDF assessment report</source>
        <translation>生成 PDF 评估报告</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the release to report on</source>
        <translation>报告所针对的发布版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>the assessment to report on</source>
        <translation>报告所针对的评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the supplier to report on</source>
        <translation>报告所针对的供应商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE.pdf</source>
        <translation>FILE.pdf</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>The report holds a cover with readiness and decision, an executive summary, a risk heat map and
progress by stage, the lineage graph, the inventory with licenses, suppliers and digests, every
checklist answer with notes and evidence, findings and accepted risks, the evidence index, the
sign-offs and an appendix on checking the report with strata-cli.
--release NAME      a release (NAME or NAME@VERSION) and its newest assessment
--assessment ID     one assessment and its scope
--supplier ID       a supplier with what it provides, and its newest assessment
--lang zh_CN        write the report in Simplified Chinese
--paper a4|letter   paper size (default: a4)
--pdfa              PDF/A-1b, for archiving
--date ISO-8601     the report date; with it, the same workspace and options give the same bytes
With -o FILE.csv or -o FILE.json, the checklist results alone are written as a table or JSON:
every item with status, notes, reviewer, time, evidence digests and the findings raised on it.</source>
        <translation>报告包含：封面（就绪情况与决定）、执行摘要、风险热力图与各阶段进度、谱系图、含许可证、供应商和摘要的
资产清单、每个检查项的结论及其备注和证据、发现项与已接受的风险、证据索引、签核，以及说明如何用
strata-cli 核对报告的附录。
--release NAME      发布版本（NAME 或 NAME@VERSION）及其最新的评估
--assessment ID     一次评估及其范围
--supplier ID       供应商及其提供的条目，以及最新的评估
--lang zh_CN        以简体中文生成报告
--paper a4|letter   纸张大小（默认：a4）
--pdfa              PDF/A-1b，用于归档
--date ISO-8601     报告日期；指定后，相同的工作区和选项生成完全相同的字节
使用 -o FILE.csv 或 -o FILE.json 时，只以表格或 JSON 写出检查结果：
每个检查项的状态、备注、审阅人、时间、证据摘要以及针对它提出的发现项。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the PDF file to write (.csv or .json: the checklist results)</source>
        <translation>要写入的 PDF 文件（.csv 或 .json：检查结果）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a4|letter</source>
        <translation>a4|letter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>paper size (default: a4)</source>
        <translation>纸张大小（默认：a4）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write PDF/A-1b for archiving</source>
        <translation>生成用于归档的 PDF/A-1b</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ISO-8601</source>
        <translation>ISO-8601</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the report date (default: now)</source>
        <translation>报告日期（默认：当前时间）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;report&quot; takes no arguments besides its options; usage: %1</source>
        <translation>“report”除选项外不接受参数；用法：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;report&quot; needs exactly one of --release, --assessment and --supplier; usage: %1</source>
        <translation>“report”需要且只能指定 --release、--assessment、--supplier 之一；用法：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scope of the report is empty; usage: %1</source>
        <translation>报告范围为空；用法：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--paper takes a4 or letter, not &quot;%1&quot;.</source>
        <translation>--paper 只接受 a4 或 letter，不接受“%1”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--date needs an ISO 8601 date or time, such as 2026-03-01 or 2026-03-01T09:30:00Z; got &quot;%1&quot;.</source>
        <translation>--date 需要 ISO 8601 日期或时间，例如 2026-03-01 或 2026-03-01T09:30:00Z；收到的是“%1”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>-o needs the name of the PDF file to write.</source>
        <translation>-o 需要指定要写入的 PDF 文件名。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>strata-cli: drawing the report… %1 (%2 of %3)</source>
        <translation>strata-cli：正在绘制报告… %1（%2 / %3）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Wrote the report on %1 to %2 (%3 bytes).</source>
        <translation>已将%1的报告写入 %2（%3 字节）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 has no assessment, so there are no checklist results to write; start one with &quot;strata-cli assess new&quot;.</source>
        <translation>%1 没有评估，因此没有可写出的检查结果；请用“strata-cli assess new”开始一次评估。</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Wrote the checklist results of %1 (%n item(s)) to %2.</source>
        <translation>
            <numerusform>已将%1的检查结果（%n 个检查项）写入 %2。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ReportData</name>
    <message>
        <location filename="../app/report/ReportData.cpp" line="+100"/>
        <source>Not assessed: no assessment covers this scope.</source>
        <translation>未评估：此范围没有任何评估。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Ready, with %n accepted risk(s).</source>
        <translation>
            <numerusform>已就绪，有 %n 项已接受的风险。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready: every item is answered.</source>
        <translation>已就绪：所有检查项均已给出结论。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not ready. Not started: %1; failed: %2; open findings: %3.</source>
        <translation>未就绪。未开始：%1；不通过：%2；未处理的发现项：%3。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No sign-off recorded</source>
        <translation>没有签核记录</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Rejected (%n signature(s) verified)</source>
        <translation>
            <numerusform>已拒绝（%n 个签名已验证）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Not approved yet (%n signature(s) verified): %1</source>
        <translation>
            <numerusform>尚未批准（%n 个签名已验证）：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Approved (%n signature(s) verified)</source>
        <translation>
            <numerusform>已批准（%n 个签名已验证）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-off is stale: the scope changed after it was signed</source>
        <translation>签核已失效：签核后范围发生了变化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-off is broken: a signature or what it covers does not verify</source>
        <translation>签核已损坏：签名或其涵盖的内容未通过验证</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
</context>
<context>
    <name>strata::ReportExportDialog</name>
    <message>
        <location filename="../ui/report/ReportExportDialog.cpp" line="+60"/>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Release</source>
        <translation>发布版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What to report on</source>
        <translation>报告对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Executive summary</source>
        <translation>执行摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heat map and progress</source>
        <translation>热力图与进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lineage graph</source>
        <translation>谱系图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory</source>
        <translation>资产清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist answers</source>
        <translation>检查项结论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings</source>
        <translation>发现项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence index</source>
        <translation>证据索引</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-offs</source>
        <translation>签核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verification appendix</source>
        <translation>核对附录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>Letter（信纸）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The language the whole report is written in, whatever language Strata shows</source>
        <translation>整份报告所用的语言，与 Strata 界面的语言无关</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF/A-1b, for archiving</source>
        <translation>PDF/A-1b，用于归档</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Report on:</source>
        <translation>报告对象：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scope:</source>
        <translation>范围(&amp;S)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel the report</source>
        <translation>取消报告</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Choose or type what to report on: a release, an assessment or a supplier.</source>
        <translation>请选择或输入报告对象：发布版本、评估或供应商。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose at least one section to include.</source>
        <translation>请至少选择一个要包含的章节。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Checking the evidence and sign-offs…</source>
        <translation>正在检查证据和签核…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The report could not be drawn: the worker stopped unexpectedly. Try again.</source>
        <translation>无法绘制报告：后台任务意外停止。请重试。</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+10"/>
        <source>Drawing the report…</source>
        <translation>正在绘制报告…</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Drawing the report… %1</source>
        <translation>正在绘制报告… %1</translation>
    </message>
</context>
<context>
    <name>strata::ReportGraph</name>
    <message>
        <location filename="../app/report/ReportGraph.cpp" line="+218"/>
        <source>risky in itself (placeholder, no license, no digest, lapsed certificate)</source>
        <translation>自身有风险（占位条目、无许可证、无摘要、认证已过期）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inherits risk from upstream</source>
        <translation>从上游继承风险</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The scope holds no records, so there is no lineage to draw.</source>
        <translation>范围内没有条目，因此没有可绘制的谱系。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The lineage graph could not be laid out: %1</source>
        <translation>无法为谱系图布局：%1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The graph is too large to read on one page. This overview shows where each of its %1 parts lies; the parts follow at a readable size, each overlapping its neighbours slightly.</source>
        <translation>谱系图太大，无法在一页内清晰阅读。此概览标出了全部 %1 个部分的位置；随后各部分以可读的大小依次给出，相邻部分略有重叠。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Lineage graph, part %1 (row %2 of %3, column %4 of %5)</source>
        <translation>谱系图，第 %1 部分（第 %2/%3 行，第 %4/%5 列）</translation>
    </message>
</context>
<context>
    <name>strata::ReportPreviewDialog</name>
    <message>
        <location filename="../ui/report/ReportPreviewDialog.cpp" line="+32"/>
        <source>Report Preview</source>
        <translation>报告预览</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Report preview</source>
        <translation>报告预览</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n page(s); nothing is written until you save.</source>
        <translation>
            <numerusform>共 %n 页；保存之前不会写入任何文件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Save Report as %1</source>
        <translation>将报告“%1”另存为</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>strata::ReportRenderer</name>
    <message>
        <location filename="../app/report/ReportRenderer.cpp" line="+50"/>
        <source>STRATA · LLM SUPPLY-CHAIN SECURITY</source>
        <translation>STRATA · 大模型供应链安全</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assessment report</source>
        <translation>评估报告</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Readiness</source>
        <translation>就绪情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>items answered</source>
        <translation>个检查项已给出结论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>items failed</source>
        <translation>个检查项不通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open findings</source>
        <translation>个未处理的发现项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>evidence items need attention</source>
        <translation>个证据项需要关注</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#%1, %2@%3, started %4 by %5</source>
        <translation>#%1，%2@%3，由 %5 于 %4 开始</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Records in scope</source>
        <translation>范围内的条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report date</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Produced by Strata %1 from the workspace as it was on the report date. The appendix explains how to check every statement with strata-cli.</source>
        <translation>由 Strata %1 根据报告日期时的工作区生成。附录说明了如何用 strata-cli 核对每一项陈述。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Could not start drawing the PDF report.</source>
        <translation>无法开始绘制 PDF 报告。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>The report was cancelled.</source>
        <translation>报告已取消。</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Executive summary</source>
        <translation>执行摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lineage graph</source>
        <translation>谱系图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory</source>
        <translation>资产清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist results</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings</source>
        <translation>发现项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence index</source>
        <translation>证据索引</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-offs</source>
        <translation>签核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appendix</source>
        <translation>附录</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Assessment report: %1</source>
        <translation>评估报告：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Supply-chain security assessment of %1</source>
        <translation>%1的供应链安全评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LLM supply chain; assessment; %1; %2</source>
        <translation>大模型供应链；评估；%1；%2</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>strata::ReportSections</name>
    <message>
        <location filename="../app/report/ReportSections.cpp" line="+24"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>altered</source>
        <translation>已被篡改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expiring</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Executive summary</source>
        <translation>执行摘要</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No assessment covers this scope yet: the report lists the inventory and lineage only. Start one with &quot;strata-cli assess new&quot;.</source>
        <translation>此范围尚无评估：报告只列出资产清单和谱系。可用“strata-cli assess new”开始评估。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assessment %1 applies %2 (%3@%4) to %5; it was started on %6 by %7.</source>
        <translation>评估 %1 将%2（%3@%4）应用于 %5；由 %7 于 %6 开始。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status by lifecycle stage</source>
        <translation>各生命周期阶段的状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open findings by severity</source>
        <translation>按严重程度统计的未处理发现项</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+179"/>
        <location line="+13"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="-192"/>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+272"/>
        <source>Findings</source>
        <translation>发现项</translation>
    </message>
    <message>
        <location line="-266"/>
        <source>Accepted risks</source>
        <translation>已接受的风险</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No risk has been accepted.</source>
        <translation>没有已接受的风险。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>lapsed</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in force</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finding</source>
        <translation>发现项</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+160"/>
        <location line="+14"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="-174"/>
        <location line="+176"/>
        <source>Accepted until</source>
        <translation>接受至</translation>
    </message>
    <message>
        <location line="-176"/>
        <location line="+202"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>Evidence that needs attention</source>
        <translation>需要关注的证据</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+176"/>
        <source>No evidence is linked to this assessment.</source>
        <translation>此评估没有关联任何证据。</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>All %1 linked evidence files are intact and in date.</source>
        <translation>全部 %1 个关联的证据文件均完好且在有效期内。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+187"/>
        <source>Expires</source>
        <translation>过期日期</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Sign-off</source>
        <translation>签核</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Risk heat map and progress</source>
        <translation>风险热力图与进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings by likelihood and impact</source>
        <translation>按可能性和影响分布的发现项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress by lifecycle stage</source>
        <translation>各生命周期阶段的进度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No assessment covers this scope, so there is no progress to show.</source>
        <translation>此范围没有评估，因此没有可显示的进度。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lineage graph</source>
        <translation>谱系图</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>What the scope is made of: %n record(s) and their relations, what a record is built from drawn above it. Arrows point from what is used to what uses it.</source>
        <translation>
            <numerusform>范围的构成：%n 个条目及其关系，条目的构成来源画在它的上方。箭头从被使用的条目指向使用它的条目。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Inventory</source>
        <translation>资产清单</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(placeholder)</source>
        <translation>（占位条目）</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+3"/>
        <location line="+85"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-88"/>
        <location line="+4"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Provides in this scope</source>
        <translation>在此范围内提供</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>License</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files and SHA-256 digests</source>
        <translation>文件及 SHA-256 摘要</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The scope holds no records.</source>
        <translation>范围内没有条目。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checklist results</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No assessment covers this scope.</source>
        <translation>此范围没有评估。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>mandatory</source>
        <translation>必选</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reviewed by %1 on %2</source>
        <translation>由 %1 于 %2 审核</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Evidence: %1 (%2), SHA-256 %3</source>
        <translation>证据：%1（%2），SHA-256 %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Findings and accepted risks</source>
        <translation>发现项与已接受的风险</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No finding was raised.</source>
        <translation>没有发现项。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>due %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Accepted: %1</source>
        <translation>已接受：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Raised</source>
        <translation>提出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 by %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Justification</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Evidence index</source>
        <translation>证据索引</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Title and file</source>
        <translation>标题与文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+44"/>
        <source>Sign-offs</source>
        <translation>签核</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>No sign-off recorded for this scope. A release is approved by signing it off with &quot;strata-cli signoff&quot;; the signatures then appear here with their verification.</source>
        <translation>此范围没有签核记录。发布版本通过“strata-cli signoff”签核批准；签名及其验证结果随后会显示在这里。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Signer</source>
        <translation>签核人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verification</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit-trail head</source>
        <translation>审计追踪头部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no audit trail recorded</source>
        <translation>没有审计追踪记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Appendix: verifying this report</source>
        <translation>附录：核对本报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every claim in this report can be checked against the workspace &quot;%1&quot; with strata-cli. Run these commands where the workspace and its evidence store are:</source>
        <translation>本报告的每一项陈述都可以用 strata-cli 对照工作区“%1”核对。请在工作区及其证据库所在的位置运行以下命令：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the files say</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sha256sum FILE: compare with the SHA-256 in the evidence index</source>
        <translation>sha256sum FILE：与证据索引中的 SHA-256 比对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checklist answers</source>
        <translation>检查项结论</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Audit trail</source>
        <translation>审计追踪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This document</source>
        <translation>本文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>strata-cli %1 report ... --date %2 -o again.pdf, then cmp: the same workspace state and options give the same bytes</source>
        <translation>strata-cli %1 report ... --date %2 -o again.pdf，然后用 cmp 比较：相同的工作区状态和选项生成完全相同的字节</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit-trail check passes only when no entry up to the head printed in this report was changed, removed, reordered or inserted, so even a rewrite of the whole trail after the report was made is caught.</source>
        <translation>只有当本报告所印审计追踪头部之前的记录均未被更改、删除、重新排序或插入时，审计追踪检查才会通过；因此即使报告生成后整个追踪被重写，也能被发现。</translation>
    </message>
</context>
<context>
    <name>strata::RiskHeatMap</name>
    <message>
        <location filename="../ui/findings/RiskHeatMap.cpp" line="+46"/>
        <source>Risk heat map</source>
        <translation>风险热力图</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>Likelihood %1, impact %2 (score %3, %4): %n finding(s)</source>
        <translation>
            <numerusform>可能性 %1，影响 %2（得分 %3，%4）：%n 个发现项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No findings to map.</source>
        <translation>没有可显示在图中的发现项。</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Likelihood</source>
        <translation>可能性</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Risk heat map: %1</source>
        <translation>风险热力图：%1</translation>
    </message>
</context>
<context>
    <name>strata::SafeZipReader</name>
    <message>
        <location filename="../app/core/bundle/SafeZipReader.cpp" line="+74"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 could not be opened as a zip archive (zip error %2).</source>
        <translation>无法将 %1 作为 zip 归档打开（zip 错误 %2）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 was refused: its entry count is read two different ways.</source>
        <translation>%1 被拒绝：两次读取到的归档项数量不同。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not open.</source>
        <translation>%1 未打开。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was refused: it holds more entries than it lists.</source>
        <translation>%1 被拒绝：实际归档项多于其列出的数量。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was refused: the entry &quot;%2&quot; reads differently the second time.</source>
        <translation>%1 被拒绝：归档项“%2”第二次读取时内容不同。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 could not be read to its end (zip error %2).</source>
        <translation>无法完整读取 %1（zip 错误 %2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was refused: it holds fewer entries than it lists.</source>
        <translation>%1 被拒绝：实际归档项少于其列出的数量。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 was refused: the entry &quot;%2&quot;: %3.</source>
        <translation>%1 被拒绝：归档项“%2”：%3。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it cannot be opened (zip error %1)</source>
        <translation>无法打开（zip 错误 %1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its compression method reads differently the second time</source>
        <translation>第二次读取时压缩方法不同</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>zlib could not be started</source>
        <translation>无法启动 zlib</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>it holds more than the %n byte(s) it declares</source>
        <translation>
            <numerusform>多于其声明的 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it holds more compressed bytes than it declares</source>
        <translation>压缩数据多于其声明的字节数</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+21"/>
        <source>data follows the end of its compressed stream</source>
        <translation>压缩流结束后还有数据</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>its compressed data is damaged</source>
        <translation>压缩数据已损坏</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>it is cut short</source>
        <translation>数据不完整</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it holds %1 bytes but declares %2</source>
        <translation>实际有 %1 字节，但声明为 %2 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its CRC does not match its content</source>
        <translation>其 CRC 与内容不符</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 was refused: the entry &quot;%2&quot; declares %3 bytes; at most %4 are allowed for it.</source>
        <translation>%1 被拒绝：归档项“%2”声明为 %3 字节；该项最多允许 %4 字节。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot create the temporary folder %1.</source>
        <translation>无法创建临时文件夹 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot write to the temporary folder %1: %2</source>
        <translation>无法写入临时文件夹 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copying the entry &quot;%1&quot; of %2 failed: %3</source>
        <translation>复制 %2 中的归档项“%1”失败：%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copying the entry &quot;%1&quot; of %2 failed: the disk did not confirm the data (%3).</source>
        <translation>复制 %2 中的归档项“%1”失败：磁盘未确认数据已写入（%3）。</translation>
    </message>
</context>
<context>
    <name>strata::Sha256</name>
    <message>
        <location filename="../app/core/util/Sha256.cpp" line="+67"/>
        <source>Reading %1 failed: %2</source>
        <translation>读取 %1 失败：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SHA-256 computation failed inside OpenSSL.</source>
        <translation>OpenSSL 内部计算 SHA-256 失败。</translation>
    </message>
</context>
<context>
    <name>strata::SignoffCommands</name>
    <message>
        <location filename="../app/cli/SignoffCommands.cpp" line="+71"/>
        <source>RELEASE --key KEYFILE --decision approve|reject [--conditions TEXT] | RELEASE --require ROLE...</source>
        <translation>RELEASE --key KEYFILE --decision approve|reject [--conditions TEXT] | RELEASE --require ROLE...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign a release off (approve or reject) with your signing key</source>
        <translation>用您的签名密钥签核发布版本（批准或驳回）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Builds the manifest of everything reviewed for RELEASE (its records with their fields and
digests, its assessments with every answer, the findings and accepted risks, the SHA-256 of every
evidence file) and signs its digest with the key in KEYFILE, whose public key must be an identity
of this workspace (strata-cli key new or key import). The passphrase comes from STRATA_PASSPHRASE
or a prompt on the terminal. An approval is refused, with every reason listed, while a mandatory
item is not started, an item failed without an accepted risk in force, or evidence is missing,
altered or expired; a rejection is always recorded. --conditions makes an approval conditional.
  --require ROLE   instead of signing, set the roles whose approval the release needs
                   (repeat it: analyst, security-lead or a custom role; default: security-lead)</source>
        <translation>为 RELEASE 构建所审核全部内容的签核清单（其条目及字段和摘要、其评估的每条结论、
发现项和已接受的风险、每个证据文件的 SHA-256），并用 KEYFILE 中的密钥签署其摘要；
该密钥的公钥必须是此工作区的签名身份（strata-cli key new 或 key import）。口令来自
STRATA_PASSPHRASE 或终端提示。当有必选检查项尚未开始、有检查项不通过且没有仍有效的
风险接受，或证据缺失、被篡改或已过期时，拒绝批准并列出每个原因；驳回总会被记录。
--conditions 使批准成为有条件批准。
  --require ROLE   不签核，而是设置发布版本需要其批准的角色
                   （可重复：analyst、security-lead 或自定义角色；默认：security-lead）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>KEYFILE</source>
        <translation>KEYFILE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>your encrypted private key file</source>
        <translation>您的加密私钥文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approve|reject</source>
        <translation>approve|reject</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>what you decide</source>
        <translation>您的决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the conditions of an approval</source>
        <translation>批准所附的条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROLE</source>
        <translation>ROLE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a role whose approval the release needs</source>
        <translation>发布版本需要其批准的角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <location line="+7"/>
        <location line="+3"/>
        <location line="+5"/>
        <source>RELEASE</source>
        <translation>RELEASE</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Check every sign-off of a release and show what changed since</source>
        <translation>检查发布版本的每个签核，并列出签核后的变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifies each sign-off&apos;s signature with its signer&apos;s key, checks that the signed statement, the
stored manifest and the sign-off agree, and compares the signed manifest with the release now.
The exit code is 0 only when the release has sign-offs, every signature verifies and nothing
they cover changed; otherwise what is broken or changed is listed.</source>
        <translation>用签核人的密钥验证每个签核的签名，检查已签名声明、存储的签核清单与签核记录
是否一致，并将已签名的签核清单与发布版本的当前状态比较。仅当发布版本有签核、
所有签名均通过验证且其涵盖的内容没有变更时，退出码为 0；否则列出损坏或变更之处。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exit 0 only when a release is approved by every required role and still valid</source>
        <translation>仅当发布版本已获每个所需角色批准且签核仍有效时退出码为 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For pipelines: the exit code is 0 only when every required role approved the release, no current
sign-off rejects it, and every sign-off verifies and is not stale. One line says why not.</source>
        <translation>用于流水线：仅当每个所需角色都已批准发布版本、没有当前签核驳回它，且每个签核都
通过验证且未失效时，退出码为 0。否则用一行说明原因。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;signoff&quot; needs one RELEASE; usage: %1</source>
        <translation>“signoff”需要一个 RELEASE；用法：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--require sets the roles a release needs and cannot be combined with signing; usage: %1</source>
        <translation>--require 用于设置发布版本所需的角色，不能与签核同时使用；用法：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;signoff&quot; needs --key KEYFILE and --decision approve|reject; usage: %1</source>
        <translation>“signoff”需要 --key KEYFILE 和 --decision approve|reject；用法：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown decision &quot;%1&quot;; use approve or reject (with --conditions for a conditional approval).</source>
        <translation>未知的决定“%1”；请使用 approve 或 reject（有条件批准请加 --conditions）。</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Approval of %1 is refused for the %n reason(s) listed; nothing was signed.</source>
        <translation>
            <numerusform>因上列 %n 个原因，拒绝批准 %1；未签署任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The key file %1 does not exist; give the file &quot;strata-cli key new&quot; wrote.</source>
        <translation>密钥文件 %1 不存在；请给出“strata-cli key new”写入的文件。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Signed off %1: %2.</source>
        <translation>已签核 %1：%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>signer</source>
        <translation>签核人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manifest</source>
        <translation>签核清单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 now needs an approval from: %2.</source>
        <translation>%1 现在需要以下角色批准：%2。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1, superseded</source>
        <translation>%1，已被取代</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign-offs of %1:</source>
        <translation>%1 的签核：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STATE</source>
        <translation>STATE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SIGNER</source>
        <translation>SIGNER</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DECISION</source>
        <translation>DECISION</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TIME</source>
        <translation>TIME</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KEY</source>
        <translation>KEY</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  sign-off %1 is broken: %2</source>
        <translation>  签核 %1 已损坏：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>  changed since sign-off %1 (%n change(s)):</source>
        <translation>
            <numerusform>  签核 %1 之后的变更（%n 处）：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&quot;verify&quot; takes one RELEASE; usage: strata-cli verify RELEASE</source>
        <translation>“verify”需要一个 RELEASE；用法：strata-cli verify RELEASE</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 has no sign-off to verify.</source>
        <translation>%1 没有可验证的签核。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: a sign-off does not verify.</source>
        <translation>%1：有签核未通过验证。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1: %n change(s) since it was signed off.</source>
        <translation>
            <numerusform>%1：签核后有 %n 处变更。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: every signature verifies and nothing changed since.</source>
        <translation>%1：所有签名均通过验证，签核后没有任何变更。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;gate&quot; takes one RELEASE; usage: strata-cli gate RELEASE</source>
        <translation>“gate”需要一个 RELEASE；用法：strata-cli gate RELEASE</translation>
    </message>
</context>
<context>
    <name>strata::SignoffDialog</name>
    <message>
        <location filename="../ui/assessments/SignoffDialog.cpp" line="+65"/>
        <source>Sign Off %1</source>
        <translation>签核 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your signature covers %1 as it is now: its records with their fields and digests, every answer of its assessments, the findings and accepted risks, and the SHA-256 of every evidence file. It goes stale when any of these changes. This release needs an approval from: %2.</source>
        <translation>您的签名涵盖 %1 的当前状态：其条目及字段和摘要、其评估的每条结论、发现项和已接受的风险，以及每个证据文件的 SHA-256。其中任何一项变更，签核即失效。此发布版本需要以下角色批准：%2。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Unlocking the key and checking the evidence…</source>
        <translation>正在解锁密钥并检查证据…</translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <source>Approval is refused (%n reason(s)); you can still reject:</source>
        <translation>
            <numerusform>拒绝批准（%n 个原因）；您仍可驳回：</numerusform>
        </translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Approve for release</source>
        <translation>批准发布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conditions of the approval, or the reasons for a rejection (optional)</source>
        <translation>批准所附的条件，或驳回的原因（可选）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The private key file &quot;strata-cli key new&quot; wrote</source>
        <translation>“strata-cli key new”写入的私钥文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Decision:</source>
        <translation>决定(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;onditions:</source>
        <translation>条件(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Key file:</source>
        <translation>密钥文件(&amp;K)：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Sign</source>
        <translation>签核(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>⌛ Checking what an approval needs: re-hashing %n evidence file(s)…</source>
        <translation>
            <numerusform>⌛ 正在检查批准所需的条件：重新计算 %n 个证据文件的哈希…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Approval is refused for the reasons listed above.</source>
        <translation>因上列原因，拒绝批准。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An approval can be signed once the evidence has been checked.</source>
        <translation>证据检查完成后才能签署批准。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose Your Private Key File</source>
        <translation>选择您的私钥文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The key file %1 does not exist; choose the file &quot;strata-cli key new&quot; wrote.</source>
        <translation>密钥文件 %1 不存在；请选择“strata-cli key new”写入的文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unlock Your Key</source>
        <translation>解锁您的密钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passphrase of %1:</source>
        <translation>%1 的口令：</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The key could not be read.</source>
        <translation>无法读取密钥。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The evidence could not be checked: the worker stopped unexpectedly. Try again.</source>
        <translation>无法检查证据：后台任务意外停止。请重试。</translation>
    </message>
</context>
<context>
    <name>strata::SignoffManifest</name>
    <message>
        <location filename="../app/core/signoff/SignoffManifest.cpp" line="+175"/>
        <source>%1 was removed</source>
        <translation>%1 已被移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was added</source>
        <translation>%1 已被添加</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: %2 changed from %3 to %4</source>
        <translation>%1：%2 从 %3 改为 %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 changed</source>
        <translation>%1：%2 已更改</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the file is missing from the evidence store</source>
        <translation>%1：证据库中缺少该文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the file is back in the evidence store</source>
        <translation>%1：该文件已回到证据库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the file was altered (its SHA-256 is now %2)</source>
        <translation>%1：该文件已被篡改（其 SHA-256 现为 %2）</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The release %1 has no assessment; assess it before approving.</source>
        <translation>发布版本 %1 尚无评估；请先评估再批准。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assessment %1, item %2 (mandatory) is not started.</source>
        <translation>评估 %1 的检查项 %2（必选）尚未开始。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Assessment %1, item %2: the accepted risk of finding %3 expired on %4.</source>
        <translation>评估 %1 的检查项 %2：发现项 %3 的风险接受已于 %4 到期。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assessment %1, item %2 failed and no finding on it has an accepted risk.</source>
        <translation>评估 %1 的检查项 %2 不通过，且其发现项均未接受风险。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assessment %1, item %2 is marked risk accepted, but none of its findings is accepted.</source>
        <translation>评估 %1 的检查项 %2 标记为已接受风险，但其发现项均未被接受。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Evidence %1 &quot;%2&quot; is missing from the evidence store.</source>
        <translation>证据库中缺少证据 %1“%2”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence %1 &quot;%2&quot; was altered: the file hashes to %3, not %4.</source>
        <translation>证据 %1“%2”已被篡改：文件哈希为 %3，而非 %4。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evidence %1 &quot;%2&quot; expired on %3.</source>
        <translation>证据 %1“%2”已于 %3 过期。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The manifest format changed from %1 to %2</source>
        <translation>签核清单格式从 %1 变为 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Release</source>
        <translation>发布版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record %1 &quot;%2&quot;</source>
        <translation>条目 %1“%2”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, artifact %2</source>
        <translation>%1，制品 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Assessment %1</source>
        <translation>评估 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, item %2</source>
        <translation>%1，检查项 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Finding %1 &quot;%2&quot;</source>
        <translation>发现项 %1“%2”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Evidence %1 &quot;%2&quot;</source>
        <translation>证据 %1“%2”</translation>
    </message>
</context>
<context>
    <name>strata::SignoffRepository</name>
    <message>
        <location filename="../app/core/storage/SignoffRepository.cpp" line="+39"/>
        <source>Recording the sign-off of release %1</source>
        <translation>记录发布版本 %1 的签核</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading the sign-offs of release %1</source>
        <translation>读取发布版本 %1 的签核</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reading the roles release %1 needs</source>
        <translation>读取发布版本 %1 所需的角色</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Recording the roles release %1 needs</source>
        <translation>记录发布版本 %1 所需的角色</translation>
    </message>
</context>
<context>
    <name>strata::SignoffStatement</name>
    <message>
        <location filename="../app/core/signoff/Signoff.cpp" line="-87"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>approved with conditions</source>
        <translation>有条件批准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>not signed</source>
        <translation>未签核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stale</source>
        <translation>已失效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>broken</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The statement&apos;s _type is &quot;%1&quot;, not an in-toto Statement v1.</source>
        <translation>声明的 _type 为“%1”，不是 in-toto Statement v1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The statement&apos;s predicate type is &quot;%1&quot;, not %2.</source>
        <translation>声明的谓词类型为“%1”，而不是 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The statement must name exactly one subject; it names %1.</source>
        <translation>声明必须恰好指明一个主体；它指明了 %1 个。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The statement has no predicate object.</source>
        <translation>声明没有谓词对象。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The statement&apos;s decision &quot;%1&quot; is not approve, approve-with-conditions or reject.</source>
        <translation>声明的决定“%1”不是 approve、approve-with-conditions 或 reject。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The statement&apos;s meaning &quot;%1&quot; does not match its decision %2.</source>
        <translation>声明的含义“%1”与其决定 %2 不符。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The statement&apos;s predicate lacks a release id, signer, role, key fingerprint, time or manifest digest.</source>
        <translation>声明的谓词缺少发布版本 ID、签核人、角色、密钥指纹、时间或签核清单摘要。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The statement&apos;s subject digest %1 differs from its manifest digest %2.</source>
        <translation>声明的主体摘要 %1 与其签核清单摘要 %2 不同。</translation>
    </message>
</context>
<context>
    <name>strata::SignoffVerifier</name>
    <message>
        <location filename="../app/core/signoff/SignoffVerifier.cpp" line="+44"/>
        <source>sign-off %1</source>
        <translation>签核 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The identity that signed (id %1) is no longer in this workspace.</source>
        <translation>签署的签名身份（ID %1）已不在此工作区中。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The identity %1&apos;s key %2 is not the key %3 the sign-off names.</source>
        <translation>签名身份 %1 的密钥 %2 不是签核所指的密钥 %3。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The envelope is malformed: %1</source>
        <translation>DSSE 信封格式错误：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The envelope&apos;s payload type is &quot;%1&quot;, not %2.</source>
        <translation>DSSE 信封的载荷类型为“%1”，而不是 %2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The envelope holds no signature.</source>
        <translation>DSSE 信封中没有签名。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No signature in the envelope verifies with %1&apos;s key %2.</source>
        <translation>DSSE 信封中没有签名能用 %1 的密钥 %2 验证通过。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The signed payload is not a JSON object.</source>
        <translation>已签名的载荷不是 JSON 对象。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signed payload is malformed: %1</source>
        <translation>已签名的载荷格式错误：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>release</source>
        <translation>发布版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>signer</source>
        <translation>签核人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>manifest digest</source>
        <translation>签核清单摘要</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The stored sign-off differs from its signed statement in: %1.</source>
        <translation>存储的签核与其已签名声明在以下方面不同：%1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The stored manifest hashes to %1, but the signature covers %2.</source>
        <translation>存储的签核清单哈希为 %1，但签名涵盖的是 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The stored manifest is not canonical JSON.</source>
        <translation>存储的签核清单不是规范化 JSON。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signed manifest is about another release.</source>
        <translation>已签名的签核清单属于另一个发布版本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The manifest&apos;s audit-trail head differs from the statement&apos;s.</source>
        <translation>签核清单中的审计追踪头部与声明中的不同。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The current state of the release could not be read as a manifest.</source>
        <translation>无法将发布版本的当前状态读取为签核清单。</translation>
    </message>
</context>
<context>
    <name>strata::Spdx3Reader</name>
    <message>
        <location filename="../app/core/interop/Spdx3Graph.cpp" line="+50"/>
        <source>The import of %1 was cancelled; nothing was imported.</source>
        <translation>%1 的导入已取消；未导入任何内容。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1: %2 is %3 characters long, more than the %4 allowed for one value; shorten it.</source>
        <translation>%1：%2 长达 %3 个字符，超过单个值允许的 %4 个；请缩短。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: %2 is nested more than %3 levels deep; Strata refuses deeper documents. Flatten the structure at that path.</source>
        <translation>%1：%2 的嵌套超过 %3 层；Strata 不接受嵌套更深的文档。请减少该路径处结构的嵌套层级。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 is not valid JSON: %2 at byte %3. Check that the file is complete and saved as UTF-8.</source>
        <translation>%1 不是有效的 JSON：%2（位于第 %3 字节）。请检查文件是否完整、是否以 UTF-8 编码保存。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not an SPDX 3 JSON-LD document: its top level is not a JSON object with &quot;@context&quot; and &quot;@graph&quot;.</source>
        <translation>%1 不是 SPDX 3 JSON-LD 文档：其顶层不是包含“@context”和“@graph”的 JSON 对象。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: &quot;@context&quot; does not name the SPDX 3.0 context (%2). Strata reads SPDX 3.0.0 and 3.0.1 JSON-LD.</source>
        <translation>%1：“@context”未指向 SPDX 3.0 上下文（%2）。Strata 可读取 SPDX 3.0.0 和 3.0.1 JSON-LD。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: &quot;@context&quot; names SPDX %2; Strata reads SPDX 3.0.0 and 3.0.1. Export the document as SPDX 3.0.1 and import it again.</source>
        <translation>%1：“@context”指向 SPDX %2；Strata 可读取 SPDX 3.0.0 和 3.0.1。请将文档导出为 SPDX 3.0.1 后重新导入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: &quot;@graph&quot; is missing or is not an array. Strata reads SPDX 3 JSON-LD whose elements are listed in a top-level &quot;@graph&quot; array; a document made of one bare element is not supported.</source>
        <translation>%1：缺少“@graph”或它不是数组。Strata 读取的 SPDX 3 JSON-LD 须将元素列在顶层的“@graph”数组中；不支持仅由单个裸元素构成的文档。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: &quot;@graph&quot; has %2 elements, more than the %3 an import may hold; split the document.</source>
        <translation>%1：“@graph”包含 %2 个元素，超过单次导入上限 %3 个；请拆分该文档。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: @graph[%2] is not a JSON object; every entry of &quot;@graph&quot; must be an object with a &quot;type&quot;.</source>
        <translation>%1：@graph[%2] 不是 JSON 对象；“@graph”中的每一项都必须是带有“type”的对象。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: @graph[%2] has no &quot;type&quot;; every SPDX 3 element names its class, for example &quot;software_Package&quot;.</source>
        <translation>%1：@graph[%2] 没有“type”；每个 SPDX 3 元素都必须注明其类，例如“software_Package”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: @graph[%2].%3 is not a string.</source>
        <translation>%1：@graph[%2].%3 不是字符串。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: @graph[%2] and @graph[%3] both have the id %4; ids must be unique within a document. Remove or rename one of them.</source>
        <translation>%1：@graph[%2] 与 @graph[%3] 的 ID 均为 %4；同一文档中的 ID 必须唯一。请删除或重命名其中之一。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>@graph[%1] repeats @graph[%2] (%3) exactly; the copy was ignored.</source>
        <translation>@graph[%1] 与 @graph[%2]（%3）完全相同；已忽略该副本。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1: %2 is not a reference to an element (a string, or an object with an &quot;spdxId&quot;).</source>
        <translation>%1：%2 不是对元素的引用（应为字符串，或带有“spdxId”的对象）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 names &quot;%3&quot;, which is not an element of the document (a dangling reference). Add the element to &quot;@graph&quot;, list it in the document&apos;s imports, or remove the reference.</source>
        <translation>%1：%2 指向“%3”，但它不是该文档中的元素（悬空引用）。请将该元素加入“@graph”、在文档的 imports 中列出，或删除此引用。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2 is a %3 without a &quot;relationshipType&quot;; add the kind of relationship, for example &quot;dependsOn&quot;.</source>
        <translation>%1：%2 是缺少“relationshipType”的 %3；请添加关系类型，例如“dependsOn”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 is a %3 without &quot;from&quot;; a relationship needs the element it starts from.</source>
        <translation>%1：%2 是缺少“from”的 %3；关系必须指明其起始元素。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2.to is missing or is not an array; a relationship lists the elements it points to as &quot;to&quot;: [...].</source>
        <translation>%1：缺少 %2.to 或它不是数组；关系应以 &quot;to&quot;: [...] 列出其指向的元素。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: %2.verifiedUsing[%3].hashValue is not a %4 digest: it must be %5 hexadecimal characters, and it has %6 characters.</source>
        <translation>%1：%2.verifiedUsing[%3].hashValue 不是 %4 摘要：应为 %5 个十六进制字符，实际为 %6 个字符。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: %2.creationInfo names &quot;%3&quot;, which is not a CreationInfo of the document. Add it to &quot;@graph&quot; or correct the reference.</source>
        <translation>%1：%2.creationInfo 指向“%3”，但它不是该文档中的 CreationInfo。请将其加入“@graph”，或更正该引用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2.creationInfo is neither a CreationInfo object nor a reference to one.</source>
        <translation>%1：%2.creationInfo 既不是 CreationInfo 对象，也不是对 CreationInfo 的引用。</translation>
    </message>
    <message>
        <location filename="../app/core/interop/Spdx3Licenses.cpp" line="+96"/>
        <source>%1: the license is nested more than %2 levels deep; it was not imported.</source>
        <translation>%1：许可证嵌套超过 %2 层，未导入。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1: a %2 is not a license Strata can read; it was not imported.</source>
        <translation>%1：%2 不是 Strata 可读取的许可证，未导入。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/interop/Spdx3Reader.cpp" line="+146"/>
        <source>Skipped %n element(s) of type %1: Strata keeps models, datasets, software, services and suppliers as records, and files only as the artifacts of models and datasets.</source>
        <translation>
            <numerusform>已跳过 %n 个 %1 类型的元素：Strata 只将模型、数据集、软件、服务和供应商记录为条目，文件仅作为模型和数据集的制品记录。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: %2 The value was not used for the field; it is kept in the record&apos;s extras.</source>
        <translation>%1：%2该值未用于此字段，已保留在条目的扩展数据中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 The value was not imported.</source>
        <translation>%1：%2该值未导入。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 is not the JSON Strata writes there; it was ignored.</source>
        <translation>%1 不是 Strata 在此处写入的 JSON 格式，已忽略。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1: %2 is a %3 without a &quot;name&quot;; Strata needs a name to keep it as a record. Add the name and import again.</source>
        <translation>%1：%2 是缺少“name”的 %3；Strata 需要名称才能将其保存为条目。请添加名称后重新导入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>%1 (%2, of type %3) has no name, so it cannot become a supplier record; it was skipped.</source>
        <translation>%1（%2，类型为 %3）没有名称，无法成为供应商条目，已跳过。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2 The supplier was skipped.</source>
        <translation>%1：%2已跳过该供应商。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 names %2, which another document describes; no supplier was recorded.</source>
        <translation>%1 指向 %2，它由另一份文档描述；未记录供应商。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 names a %2, not an organization or person; no supplier was recorded.</source>
        <translation>%1 指向的是 %2，而非组织或个人；未记录供应商。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 (a %2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (defined in another document)</source>
        <translation>%1（在另一份文档中定义）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: a %2 is not an inventory relation; it was skipped.</source>
        <translation>%1：%2 不是资产清单中的关系，已跳过。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: &quot;%2&quot; is not an SPDX 3.0 relationship type; the relationship was skipped.</source>
        <translation>%1：“%2”不是 SPDX 3.0 关系类型，已跳过该关系。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: Strata has no relation for &quot;%2&quot;; the relationship was skipped.</source>
        <translation>%1：Strata 没有与“%2”对应的关系，已跳过该关系。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: &quot;%2&quot; starts at %3, which is not a model, dataset, software or service; the relationship was skipped.</source>
        <translation>%1：“%2”的起点 %3 不是模型、数据集、软件或服务，已跳过该关系。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: &quot;%2&quot; is not a kind of derivation Strata knows; the relation was kept without it.</source>
        <translation>%1：“%2”不是 Strata 支持的派生方式；已保留该关系，但未记录派生方式。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 is %2, not a model, dataset, software or service; that part of &quot;%3&quot; was skipped.</source>
        <translation>%1 是 %2，而非模型、数据集、软件或服务；已跳过“%3”中的这一部分。</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%1: %n file(s) in %2 have no digest Strata can keep (sha256, sha384, sha512, sha3, blake2b, sha1 or md5) and were not recorded as artifacts.</source>
        <translation>
            <numerusform>%1：%2 中有 %n 个文件没有 Strata 可保存的摘要（sha256、sha384、sha512、sha3、blake2b、sha1 或 md5），未记录为制品。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: a file needs a name of 1 to 1000 characters; its digest was not recorded.</source>
        <translation>%1：文件名长度须为 1 到 1000 个字符；未记录其摘要。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2 is listed twice with different digests; the first was kept.</source>
        <translation>%1：%2 被列出两次且摘要不同；已保留第一个。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: the license &quot;%2&quot; was recorded as %3.</source>
        <translation>%1：许可证“%2”已记录为 %3。</translation>
    </message>
</context>
<context>
    <name>strata::Spdx3Writer</name>
    <message>
        <location filename="../app/core/interop/Spdx3Writer.cpp" line="+410"/>
        <source>An SPDX document needs the time it was created; the export was given none.</source>
        <translation>SPDX 文档需要创建时间，但导出时未提供。</translation>
    </message>
</context>
<context>
    <name>strata::StageProgressDelegate</name>
    <message>
        <location filename="../ui/assessments/StageProgressDelegate.cpp" line="+76"/>
        <source>%1/%2, %3 ✖</source>
        <comment>stage progress: done/total, then the failed items</comment>
        <translation>%1/%2，%3 ✖</translation>
    </message>
</context>
<context>
    <name>strata::TaskProgressWidget</name>
    <message>
        <location filename="../ui/TaskProgressWidget.cpp" line="+26"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>strata::TransactionGuard</name>
    <message>
        <location filename="../app/core/storage/Database.cpp" line="+12"/>
        <source>Starting a transaction</source>
        <translation>开始事务</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The transaction was not started.</source>
        <translation>事务未启动。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A step of the operation failed, so none of it was saved.</source>
        <translation>操作中有一步失败，因此所有更改均未保存。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving the changes to %1</source>
        <translation>保存对 %1 的更改</translation>
    </message>
</context>
<context>
    <name>strata::TrustCommands</name>
    <message>
        <location filename="../app/cli/TrustCommands.cpp" line="+52"/>
        <source>new --name N --role R -o KEYFILE | import PUBFILE [--name N] [--role R] | export ID -o FILE | list</source>
        <translation>new --name N --role R -o KEYFILE | import PUBFILE [--name N] [--role R] | export ID -o FILE | list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create, import, export and list signing identities</source>
        <translation>创建、导入、导出和列出签名身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key new       create an Ed25519 signing identity: the private key is written to KEYFILE,
              encrypted with a passphrase (PBKDF2-HMAC-SHA256, 600,000 rounds, AES-256) and
              readable only by you (mode 0600); the public key goes into the workspace and into
              KEYFILE.pub, which you share. The passphrase comes from STRATA_PASSPHRASE or a
              prompt on the terminal, never from an argument.
  --name N    the reviewer&apos;s name
  --role R    analyst, security-lead, or a role of your own such as &quot;privacy reviewer&quot;
key import   trust a colleague&apos;s public key file (KEYFILE.pub from key new, or key export);
              --name and --role replace the ones in the file
key export   write an identity&apos;s public key file, to share (ID: id or fingerprint)
key list     the identities this workspace knows, with their key fingerprints</source>
        <translation>key new       创建 Ed25519 签名身份：私钥写入 KEYFILE，用口令加密
              （PBKDF2-HMAC-SHA256，600,000 轮，AES-256），且只有您本人可读
              （模式 0600）；公钥存入工作区并写入 KEYFILE.pub，供您分享。
              口令来自 STRATA_PASSPHRASE 或终端上的提示，绝不来自命令参数。
  --name N    审核人的姓名
  --role R    analyst、security-lead，或自定义角色，例如“隐私审核人”
key import   信任同事的公钥文件（key new 生成的 KEYFILE.pub，或 key export 的输出）；
              --name 和 --role 会替换文件中的值
key export   写出某个签名身份的公钥文件以便分享（ID：编号或指纹）
key list     本工作区已知的签名身份及其密钥指纹</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the reviewer&apos;s name</source>
        <translation>审核人的姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>analyst, security-lead or a custom role</source>
        <translation>analyst、security-lead 或自定义角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <location line="+1"/>
        <location line="+239"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="-252"/>
        <source>the file to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new|import|export|list</source>
        <translation>new|import|export|list</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FILE|ID</source>
        <translation>FILE|ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DIR --signature FILE --public-key FILE [--record ID]</source>
        <translation>DIR --signature FILE --public-key FILE [--record ID]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify a model folder against its OpenSSF model signature</source>
        <translation>按 OpenSSF 模型签名验证模型文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checks, offline, that DIR is exactly what the OpenSSF model signature (model.sig, a Sigstore
bundle) says: the signature over the statement verifies with the ECDSA public key given, every
listed file has its signed SHA-256, and no unlisted file is present (the signature&apos;s
ignore_paths and model.sig itself excepted). Each problem is named by file. The exit code is 0
only when everything matches. The transparency log is not consulted.
  --record ID   keep the verification report as evidence on this model record</source>
        <translation>离线检查 DIR 是否与 OpenSSF 模型签名（model.sig，一个 Sigstore 捆绑包）所述完全一致：
声明上的签名能用给定的 ECDSA 公钥验证，每个列出的文件都具有签名中的 SHA-256，
且不存在未列出的文件（签名的 ignore_paths 和 model.sig 本身除外）。每个问题都注明文件。
只有全部一致时退出码才为 0。不查询透明日志。
  --record ID   将验证报告作为证据保存到该模型条目上</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the model.sig file</source>
        <translation>model.sig 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signer&apos;s public key (PEM)</source>
        <translation>签名者的公钥（PEM）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+178"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>the model record to attach the report to</source>
        <translation>要附加报告的模型条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;key new&quot; needs --name, --role and -o KEYFILE; usage: %1</source>
        <translation>“key new”需要 --name、--role 和 -o KEYFILE；用法：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;key import&quot; needs one PUBFILE; usage: %1</source>
        <translation>“key import”需要一个 PUBFILE；用法：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;key export&quot; needs one ID and -o FILE; usage: %1</source>
        <translation>“key export”需要一个 ID 和 -o FILE；用法：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;key list&quot; takes no arguments; usage: %1</source>
        <translation>“key list”不接受参数；用法：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown key command &quot;%1&quot;; use new, import, export or list. Usage: %2</source>
        <translation>未知的 key 命令“%1”；请使用 new、import、export 或 list。用法：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 already exists; a key file is never overwritten. Choose another name.</source>
        <translation>%1 已存在；密钥文件永远不会被覆盖。请换一个文件名。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The passphrase has %1 characters; use at least %2.</source>
        <translation>口令只有 %1 个字符；请至少使用 %2 个。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Created identity %1 &quot;%2&quot; (%3).</source>
        <translation>已创建签名身份 %1“%2”（%3）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (encrypted, mode 0600; keep it and its passphrase safe)</source>
        <translation>%1（已加密，模式 0600；请妥善保管它及其口令）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>public key</source>
        <translation>公钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (share it; others run: strata-cli key import FILE)</source>
        <translation>%1（请分享它；其他人运行：strata-cli key import FILE）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read the key file %1; check the path.</source>
        <translation>无法读取密钥文件 %1；请检查路径。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 does not name its owner (no Strata-Identity-Name line); give --name and --role.</source>
        <translation>%1 未注明所有者（没有 Strata-Identity-Name 行）；请给出 --name 和 --role。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Imported identity %1 &quot;%2&quot; (%3), key %4.</source>
        <translation>已导入签名身份 %1“%2”（%3），密钥 %4。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Wrote the public key of &quot;%1&quot; to %2.</source>
        <translation>已将“%1”的公钥写入 %2。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No signing identities; create one with strata-cli key new.</source>
        <translation>没有签名身份；请用 strata-cli key new 创建。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ROLE</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FINGERPRINT (SHA-256)</source>
        <translation>指纹（SHA-256）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ADDED</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;verify-model&quot; needs one DIR; usage: strata-cli verify-model %1</source>
        <translation>“verify-model”需要一个 DIR；用法：strata-cli verify-model %1</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>Model signature verified: %n file(s) in %1 match, signed by %2.</source>
        <translation>
            <numerusform>模型签名已验证：%1 中的 %n 个文件一致，签名者为 %2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Model signature check FAILED for %1 (signed by %2): %n problem(s).</source>
        <translation>
            <numerusform>%1 的模型签名检查未通过（签名者为 %2）：%n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PROBLEM</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The report is kept as evidence %1 on record %2.</source>
        <translation>报告已作为证据 %1 保存到条目 %2 上。</translation>
    </message>
</context>
<context>
    <name>strata::TrustRepository</name>
    <message>
        <location filename="../app/core/storage/TrustRepository.cpp" line="+54"/>
        <source>Recording the identity &quot;%1&quot;</source>
        <translation>记录签名身份“%1”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Looking up the key %1</source>
        <translation>查找密钥 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Looking up identity %1</source>
        <translation>查找签名身份 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Listing the identities</source>
        <translation>列出签名身份</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Attaching evidence %1 to record %2</source>
        <translation>将证据 %1 附加到条目 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Listing the evidence of record %1</source>
        <translation>列出条目 %1 的证据</translation>
    </message>
</context>
<context>
    <name>strata::WalkthroughView</name>
    <message>
        <location filename="../ui/assessments/WalkthroughView.cpp" line="+52"/>
        <source>‹ All Assessments</source>
        <translation>‹ 全部评估</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Lifecycle stages</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Items of the stage</source>
        <translation>本阶段的检查项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Keys: J next item · K previous item · 1 not started · 2 pass · 3 fail · 4 not applicable (asks the reason) · 5 risk accepted · E attach evidence · N edit notes · Esc leave notes</source>
        <translation>按键：J 下一项 · K 上一项 · 1 未开始 · 2 通过 · 3 不通过 · 4 不适用（需填写原因）· 5 已接受风险 · E 附加证据 · N 编辑备注 · Esc 结束编辑</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Not Applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why does item %1 not apply? The reason is kept as the item&apos;s notes.</source>
        <translation>检查项 %1 为什么不适用？原因将保存为该检查项的备注。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Finding Raised</source>
        <translation>已提出发现项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding %1 &quot;%2&quot; was raised on item %3 (score %4).</source>
        <translation>已针对检查项 %3 提出发现项 %1“%2”（分值 %4）。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Unlink Evidence</source>
        <translation>取消关联证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take &quot;%1&quot; off item %2? The file stays in the evidence store and on other items; you can attach it again.</source>
        <translation>要从检查项 %2 上取消“%1”的关联吗？文件仍保留在证据库和其他检查项上；之后可以重新附加。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1 · %2 %3</source>
        <comment>assessment scope, catalog and its version</comment>
        <translation>%1 · %2 %3</translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <source>%1: %2 of %n item(s) answered, %3 failed</source>
        <translation>
            <numerusform>%1：%n 个检查项中已有 %2 个有结论，%3 个不通过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1 of %n item(s) answered, %2 failed</source>
        <translation>
            <numerusform>%n 个检查项中已有 %1 个有结论，%2 个不通过</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::Workspace</name>
    <message>
        <location filename="../app/core/workspace/Workspace.cpp" line="+134"/>
        <source>An import is being written to the workspace; try again when it has finished.</source>
        <translation>正在向工作区写入导入内容；请在完成后重试。</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>No record was named; give an id or a name.</source>
        <translation>未指定条目；请提供 ID 或名称。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record %1 is a %2, not a %3.</source>
        <translation>条目 %1 是%2，而不是%3。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&quot;%1&quot; is a %2, not a %3.</source>
        <translation>“%1”是%2，而不是%3。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No record has the id or name &quot;%1&quot;; &quot;strata-cli list --search&quot; finds records by part of their name.</source>
        <translation>没有 ID 或名称为“%1”的条目；可用“strata-cli list --search”按部分名称查找条目。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; names %2 records (ids %3); use an id or NAME@VERSION.</source>
        <translation>“%1”对应 %2 个条目（ID：%3）；请使用 ID 或 NAME@VERSION。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A new record must not have an id yet.</source>
        <translation>新条目不能已有 ID。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (copy %2)</source>
        <translation>%1（副本 %2）</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The kind of a record cannot change (record %1 is a %2); create a new record instead.</source>
        <translation>条目的类型不能更改（条目 %1 是%2）；请改为新建条目。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Only a record that was removed can be restored.</source>
        <translation>只能恢复已删除的条目。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; cannot be restored because its relation to record %2 cannot: %3</source>
        <translation>无法恢复“%1”，因为它与条目 %2 的关系无法恢复：%3</translation>
    </message>
    <message>
        <location filename="../app/core/workspace/WorkspaceRelations.cpp" line="+20"/>
        <source>A record cannot be related to itself (record %1); pick two different records.</source>
        <translation>条目不能与自身建立关系（条目 %1）；请选择两个不同的条目。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A %1 cannot be &quot;%2&quot; a %3 (%4 → %5). Check the direction: FROM %6 TO.</source>
        <translation>%1不能与%3建立“%2”关系（%4 → %5）。请检查方向：FROM %6 TO。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a kind of derivation; use one of: %2.</source>
        <translation>“%1”不是有效的派生方式；请使用以下之一：%2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only derived_from relations take a kind; &quot;%1&quot; has none.</source>
        <translation>只有 derived_from 关系可指定派生方式；“%1”不适用。</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Files with digests are recorded for models and datasets; &quot;%1&quot; is a %2.</source>
        <translation>只有模型和数据集才记录带摘要的文件；“%1”是%2。</translation>
    </message>
    <message>
        <location filename="../app/core/workspace/WorkspaceCatalogs.cpp" line="+41"/>
        <source>%1: the workspace already holds catalog %2 version %3 with different content. Assessments may refer to it, so it is never replaced: give the edited catalog a new version and import it again.</source>
        <translation>%1：工作区中已有内容不同的目录 %2 版本 %3。评估可能引用该目录，因此它永远不会被替换：请为修改后的目录指定新版本，然后重新导入。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>No catalog was named; give its id, id@version or number.</source>
        <translation>未指定目录；请给出其 ID、id@version 或编号。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No catalog is named &quot;%1&quot;; &quot;strata-cli catalog list&quot; shows the catalogs of this workspace.</source>
        <translation>没有名为“%1”的目录；“strata-cli catalog list”可列出此工作区的目录。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no catalog with the id %1; &quot;strata-cli catalog list&quot; shows the catalogs.</source>
        <translation>不存在编号为 %1 的目录；“strata-cli catalog list”可列出所有目录。</translation>
    </message>
    <message>
        <location filename="../app/core/workspace/WorkspaceEvidence.cpp" line="+62"/>
        <source>%1 does not exist; check the path.</source>
        <translation>%1 不存在；请检查路径。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a regular file; give the file to keep as evidence.</source>
        <translation>%1 不是普通文件；请指定要保存为证据的文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be read; check its permissions.</source>
        <translation>无法读取 %1；请检查其权限。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The evidence title is %1 characters long; at most %2 are allowed.</source>
        <translation>证据标题长 %1 个字符；最多允许 %2 个。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The evidence title contains control characters; remove them and try again.</source>
        <translation>证据标题中含有控制字符；请删除后重试。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not a web address; give an http or https URL where the file came from.</source>
        <translation>“%1”不是有效的网址；请给出文件来源的 http 或 https URL。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The expiry date %1 is before the effective date %2; evidence cannot expire before it is true.</source>
        <translation>到期日期 %1 早于生效日期 %2；证据不能在成立之前就过期。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The evidence store has no file %1 of %2 bytes in %3; add the file again.</source>
        <translation>证据库 %3 中没有大小为 %2 字节的文件 %1；请重新添加该文件。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The evidence title is not valid; give at most %1 characters without control characters.</source>
        <translation>证据标题无效；请填写不超过 %1 个字符且不含控制字符的标题。</translation>
    </message>
    <message>
        <location filename="../app/core/workspace/WorkspaceAssessments.cpp" line="+94"/>
        <source>A release needs a name of 1 to %1 characters without control characters.</source>
        <translation>发布版本需要一个 1 到 %1 个字符且不含控制字符的名称。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Release %1 needs a version of 1 to %2 characters, such as 1.0.</source>
        <translation>发布版本 %1 需要一个 1 到 %2 个字符的版本号，例如 1.0。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The release name &quot;%1&quot; cannot be a number or contain &quot;@&quot;: commands name releases as NAME or NAME@VERSION.</source>
        <translation>发布版本名称“%1”不能是数字，也不能包含“@”：命令以 NAME 或 NAME@VERSION 指定发布版本。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is a %2; the root of a release is the model or service being shipped.</source>
        <translation>%1 是%2；发布版本的根条目应为要发布的模型或服务。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Release %1 already exists; a release stays what was reviewed, so give the new one another version.</source>
        <translation>发布版本 %1 已存在；发布版本保持审核时的样子，请为新的发布版本使用另一个版本号。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No release was named; give its name, name@version or id.</source>
        <translation>未指定发布版本；请给出其名称、name@version 或 ID。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No release is named &quot;%1&quot;; &quot;strata-cli release list&quot; shows the releases.</source>
        <translation>没有名为“%1”的发布版本；“strata-cli release list”可列出发布版本。</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>&quot;%1&quot; names %n release(s) (%2); give NAME@VERSION.</source>
        <translation>
            <numerusform>“%1”对应 %n 个发布版本（%2）；请使用 NAME@VERSION。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>An assessment is about either a release or one record; name exactly one of them.</source>
        <translation>评估的对象是一个发布版本或一个条目；请只指定其中一个。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No item of catalog %1 applies to the kinds of record in %2; choose another catalog.</source>
        <translation>检查项目录 %1 中没有适用于 %2 中条目类型的检查项；请选择其他目录。</translation>
    </message>
    <message>
        <location line="-221"/>
        <source>Assessment %1 has no item &quot;%2&quot;; &quot;strata-cli assess show %1&quot; lists its items.</source>
        <translation>评估 %1 中没有检查项“%2”；“strata-cli assess show %1”可列出其检查项。</translation>
    </message>
    <message>
        <location line="+311"/>
        <source>The notes for item %1 are %2 characters long; at most %3 are allowed.</source>
        <translation>检查项 %1 的备注长 %2 个字符；最多允许 %3 个。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Item %1 can only be marked not applicable with a reason; write it in the notes.</source>
        <translation>只有给出理由才能将检查项 %1 标记为不适用；请在备注中写明理由。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Item %1 can only be marked risk accepted when one of its findings is accepted and the acceptance has not expired; accept the finding first (&quot;strata-cli findings accept&quot;).</source>
        <translation>只有当检查项 %1 的某个发现项已被接受且接受尚未到期时，才能将其标记为已接受风险；请先接受该发现项（“strata-cli findings accept”）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no evidence with the id %1; &quot;strata-cli evidence list&quot; shows the evidence.</source>
        <translation>没有编号为 %1 的证据；“strata-cli evidence list”可列出证据。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Item %1 is &quot;%2&quot;; a finding is raised on an item that failed, so set the item to fail first.</source>
        <translation>检查项 %1 的状态为“%2”；发现项针对不通过的检查项提出，请先将该检查项设为不通过。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A finding needs a title of 1 to %1 characters without control characters.</source>
        <translation>发现项需要一个 1 到 %1 个字符且不含控制字符的标题。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Likelihood and impact are each rated from 1 to 5 (got %1 and %2).</source>
        <translation>可能性和影响的评分均为 1 到 5（实际为 %1 和 %2）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The owner of a finding is at most %1 characters without control characters.</source>
        <translation>发现项的负责人最多 %1 个字符，且不含控制字符。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new finding is open or mitigating; accept or close it once it is recorded.</source>
        <translation>新的发现项状态为未处理或缓解中；记录后再接受或关闭它。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Accepting the risk of finding %1 needs a justification: say why the risk is acceptable.</source>
        <translation>接受发现项 %1 的风险需要理由：请说明为什么可以接受该风险。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The justification is %1 characters long; at most %2 are allowed.</source>
        <translation>理由长 %1 个字符；最多允许 %2 个。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An accepted risk needs an expiry date after today (%1), so that it is reviewed again.</source>
        <translation>接受风险需要一个晚于今天（%1）的到期日期，以便到期后重新审查。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finding %1 is closed; there is no risk left to accept.</source>
        <translation>发现项 %1 已关闭；没有需要接受的风险。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Accepting a risk needs a justification and an expiry date; accept the finding instead.</source>
        <translation>接受风险需要理由和到期日期；请改用接受发现项。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Item %1 has no evidence with the id %2; nothing was unlinked.</source>
        <translation>检查项 %1 没有 id 为 %2 的证据；未取消任何关联。</translation>
    </message>
    <message>
        <location filename="../app/core/workspace/WorkspaceTrust.cpp" line="+38"/>
        <source>The identity&apos;s key</source>
        <translation>签名身份的密钥</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The key %1 is already the identity %2 &quot;%3&quot;; nothing was added.</source>
        <translation>密钥 %1 已属于签名身份 %2“%3”；未添加任何内容。</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%1 matches %n key(s); give more digits of the fingerprint.</source>
        <translation>
            <numerusform>%1 匹配 %n 个密钥；请给出更多位指纹。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No identity has the id or fingerprint &quot;%1&quot;; see strata-cli key list.</source>
        <translation>没有编号或指纹为“%1”的签名身份；请查看 strata-cli key list。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Record %1 &quot;%2&quot; is a %3; a model signature is kept on a model record.</source>
        <translation>条目 %1“%2”是%3；模型签名只能保存在模型条目上。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot create a temporary folder for the verification report: %1</source>
        <translation>无法为验证报告创建临时文件夹：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write the verification report %1: %2</source>
        <translation>无法写入验证报告 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Model signature of %1 verified (key %2)</source>
        <translation>%1 的模型签名已验证（密钥 %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model signature of %1 FAILED (key %2)</source>
        <translation>%1 的模型签名验证未通过（密钥 %2）</translation>
    </message>
    <message>
        <location filename="../app/core/workspace/WorkspaceSignoff.cpp" line="+214"/>
        <source>A sign-off needs an Ed25519 signing key; see strata-cli key new.</source>
        <translation>签核需要 Ed25519 签名密钥；请参阅 strata-cli key new。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The conditions have %1 characters; at most %2 are kept.</source>
        <translation>条件有 %1 个字符；最多保留 %2 个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The conditions contain control characters; type plain text.</source>
        <translation>条件中含有控制字符；请输入纯文本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An approval with conditions needs the conditions written out.</source>
        <translation>有条件批准需要写明条件。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The key %1 is not the key of any identity in this workspace; import its public key with &quot;strata-cli key import&quot; first.</source>
        <translation>密钥 %1 不属于此工作区中的任何签名身份；请先用“strata-cli key import”导入其公钥。</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Approval of %1 is refused (%n reason(s)): %2</source>
        <translation>
            <numerusform>拒绝批准 %1（%n 个原因）：%2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+72"/>
        <source>&quot;%1&quot; is not a role: give analyst, security-lead or a role name of at most %2 characters.</source>
        <translation>“%1”不是角色：请给出 analyst、security-lead 或不超过 %2 个字符的角色名称。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A release needs an approval from at least one role.</source>
        <translation>发布版本至少需要一个角色的批准。</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 is not signed off; it needs an approval from: %2.</source>
        <translation>%1 尚未签核；需要以下角色批准：%2。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 has a broken sign-off (%2 by %3): %4</source>
        <translation>%1 有已损坏的签核（%3 的签核 %2）：%4</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1&apos;s sign-off is stale: %n change(s) since it was signed, the first: %2</source>
        <translation>
            <numerusform>%1 的签核已失效：签核后有 %n 处变更，第一处：%2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was rejected by %2 (%3).</source>
        <translation>%1 已被 %2（%3）驳回。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 still needs an approval from: %2.</source>
        <translation>%1 仍需以下角色批准：%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is approved by every required role (%2), and nothing changed since.</source>
        <translation>%1 已获所有所需角色（%2）批准，且此后没有任何变更。</translation>
    </message>
    <message>
        <location filename="../app/core/workspace/WorkspaceAudit.cpp" line="+74"/>
        <source>The audit entry &quot;%1&quot; was not recorded: it must be written inside the transaction that makes the change.</source>
        <translation>审计记录“%1”未被记录：它必须在做出更改的同一事务中写入。</translation>
    </message>
    <message>
        <location filename="../app/core/workspace/WorkspaceBundle.cpp" line="+95"/>
        <source>This bundle from %1 has sequence %2, but one with sequence %3 was already imported: it is a replayed or older bundle, and nothing was imported.</source>
        <translation>来自 %1 的此资料包序号为 %2，但已导入过序号为 %3 的资料包：这是重放的或较旧的资料包，未导入任何内容。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The bundle&apos;s release %1 has the root %2, which is not in the workspace after merging its BOM: %3</source>
        <translation>资料包的发布版本 %1 的根条目为 %2，合并其物料清单后工作区中仍没有该条目：%3</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The bundle answers item %1, which the assessment of %2 with catalog %3 does not hold.</source>
        <translation>资料包回答了检查项 %1，但 %2 使用检查项目录 %3 的评估中没有该项。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Item %1 of the bundle links evidence %2, which the bundle does not describe.</source>
        <translation>资料包中的检查项 %1 关联了证据 %2，但资料包没有描述该证据。</translation>
    </message>
</context>
<context>
    <name>strata::WorkspaceCommand</name>
    <message>
        <location filename="../models/commands/WorkspaceCommand.cpp" line="+34"/>
        <source>The workspace has been closed.</source>
        <translation>工作区已关闭。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not undo &quot;%1&quot;: %2</source>
        <translation>无法撤销“%1”：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not redo &quot;%1&quot;: %2</source>
        <translation>无法重做“%1”：%2</translation>
    </message>
</context>
<context>
    <name>strata::WorkspaceEditor</name>
    <message>
        <location filename="../models/WorkspaceEditor.cpp" line="+47"/>
        <source>Create %1</source>
        <translation>新建 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Duplicate %1</source>
        <translation>创建 %1 的副本</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Link %1 to %2</source>
        <translation>关联 %1 与 %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unlink %1 from %2</source>
        <translation>取消 %1 与 %2 的关联</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add file %1 to %2</source>
        <translation>向 %2 添加文件 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Remove file %1 from %2</source>
        <translation>从 %2 移除文件 %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Set finding &quot;%1&quot; to %2</source>
        <translation>将发现项“%1”设为%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no finding with the id %1.</source>
        <translation>没有 id 为 %1 的发现项。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>record %1</source>
        <translation>条目 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No workspace is open. Open or create a workspace and try again.</source>
        <translation>未打开工作区。请打开或新建工作区后重试。</translation>
    </message>
</context>
<context>
    <name>strata::WorkspaceSignoffSource</name>
    <message>
        <location filename="../app/report/WorkspaceSignoffSource.cpp" line="+58"/>
        <source>valid: the signature verifies and nothing changed</source>
        <translation>有效：签名通过验证且没有任何变更</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>stale: %n change(s) since signing, such as: %1</source>
        <translation>
            <numerusform>已失效：签核后有 %n 处变更，例如：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>broken: %1</source>
        <translation>已损坏：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (superseded by a later sign-off of the same signer)</source>
        <translation>%1（已被同一签核人后来的签核取代）</translation>
    </message>
</context>
<context>
    <name>strata::ZipScan</name>
    <message>
        <location filename="../app/core/bundle/ZipScan.cpp" line="+67"/>
        <source>the name is empty</source>
        <translation>名称为空</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the name contains a control character or NUL</source>
        <translation>名称包含控制字符或 NUL</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the name is not valid UTF-8</source>
        <translation>名称不是有效的 UTF-8</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name is an absolute path</source>
        <translation>名称是绝对路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name contains a backslash</source>
        <translation>名称包含反斜杠</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name starts with a drive letter</source>
        <translation>名称以驱动器号开头</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the name contains &quot;..&quot; or &quot;.&quot;</source>
        <translation>名称包含“..”或“.”</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+93"/>
        <source>the entry is a directory</source>
        <translation>该归档项是目录</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>%1 is not a bundle Strata can open safely: %2.</source>
        <translation>%1 不是 Strata 能安全打开的资料包：%2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was refused: the entry &quot;%2&quot;: %3.</source>
        <translation>%1 被拒绝：归档项“%2”：%3。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>it is too short to be a zip archive (%n byte(s))</source>
        <translation>
            <numerusform>文件太短，不可能是 zip 归档（%n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no zip end record was found; it is not a zip archive, or it was cut short</source>
        <translation>找不到 zip 结束记录；它不是 zip 归档，或者数据不完整</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>it is a ZIP64 archive, which bundles never are</source>
        <translation>它是 ZIP64 归档，而资料包从不使用 ZIP64</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+59"/>
        <source>it spans several disks</source>
        <translation>它跨越多个分卷</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>it holds %1 entries, more than the %2 allowed</source>
        <translation>它有 %1 个归档项，超过允许的 %2 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its central directory is %1 bytes, more than the %2 allowed</source>
        <translation>其中央目录有 %1 字节，超过允许的 %2 字节</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>data was added before or inside the archive (the central directory does not end where the end record starts)</source>
        <translation>归档之前或内部被加入了数据（中央目录的结尾与结束记录的开头不一致）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its central directory cannot be read; it may be cut short</source>
        <translation>无法读取其中央目录；数据可能不完整</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>central directory entry %1 is damaged</source>
        <translation>中央目录第 %1 项已损坏</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>central directory entry %1 runs past the directory&apos;s end</source>
        <translation>中央目录第 %1 项超出了目录末尾</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>its name is %1 bytes long, more than the %2 allowed</source>
        <translation>名称长 %1 字节，超过允许的 %2 字节</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it is a symbolic link</source>
        <translation>它是符号链接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is encrypted</source>
        <translation>它已加密</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it uses compression method %1; only stored (0) and deflate (8) are accepted</source>
        <translation>它使用压缩方法 %1；只接受存储（0）和 deflate（8）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it has ZIP64 sizes</source>
        <translation>它带有 ZIP64 大小</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the archive holds this name twice</source>
        <translation>归档中两次出现此名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it differs only in case from &quot;%1&quot;</source>
        <translation>它与“%1”仅大小写不同</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bundles never hold such a name</source>
        <translation>资料包中不会出现这样的名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it declares %1 bytes, more than the %2 allowed for one entry</source>
        <translation>它声明为 %1 字节，超过单个归档项允许的 %2 字节</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is stored uncompressed but declares %1 bytes stored for %2 bytes of content</source>
        <translation>它以未压缩方式存储，却声明以 %1 字节存储 %2 字节的内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it would expand %1 times, more than the %2 allowed</source>
        <translation>它将膨胀 %1 倍，超过允许的 %2 倍</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its entries declare more than the %1 bytes allowed in all</source>
        <translation>其归档项声明的总大小超过允许的 %1 字节</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>its central directory holds more than the %n entry(s) it declares</source>
        <translation>
            <numerusform>其中央目录的项数多于声明的 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>its local header is missing or damaged</source>
        <translation>其本地文件头缺失或已损坏</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the name in its local header differs from the central directory</source>
        <translation>其本地文件头中的名称与中央目录不同</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+41"/>
        <source>its local header disagrees with the central directory</source>
        <translation>其本地文件头与中央目录不一致</translation>
    </message>
    <message numerus="yes">
        <location line="-25"/>
        <source>%n byte(s) of other data come before the first entry</source>
        <translation>
            <numerusform>第一个归档项之前有 %n 字节的其他数据</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its bytes overlap another entry&apos;s</source>
        <translation>其数据与另一归档项的数据重叠</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n byte(s) of unlisted data come before it</source>
        <translation>
            <numerusform>它之前有 %n 字节未列出的数据</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>its data descriptor disagrees with the central directory</source>
        <translation>其数据描述符与中央目录不一致</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its data runs into the central directory; the archive may be cut short</source>
        <translation>其数据延伸到了中央目录中；归档可能不完整</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n byte(s) of unlisted data come before the central directory</source>
        <translation>
            <numerusform>中央目录之前有 %n 字节未列出的数据</numerusform>
        </translation>
    </message>
</context>
</TS>
