// Banned sources of nondeterminism in the engine core: every file under engine/ except
// engine/scenario/ScenarioFile.* and OutputTarget.* (files on disk: the one part allowed QtCore)
// must not read a clock, draw from an unseeded or implementation-defined random source, use a hash
// container (whose iteration order is unspecified) or include a Qt header. The checker works on the
// text with comments and string literals blanked out, and reports every hit as file:line. It is
// itself checked against a fixture file (tests/data/banned-nondeterminism/violations.cpp) whose
// lines say whether they must be hit.

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

namespace {

const QString kSourceDir = QStringLiteral(BROKERLAB_SOURCE_DIR);

struct Rule {
  const char* name;
  QRegularExpression pattern;
};

// A call of a free function: not a member (`.f(`, `->f(`) or another namespace's (`x::f(`),
// but `std::f(` and `::f(` are.
QString freeCall(const QString& names) {
  return QStringLiteral(R"((?:\bstd::|(?<![\w.:>])::|(?<![\w.:>]))\b(?:%1)\s*\()").arg(names);
}

const std::vector<Rule>& rules() {
  static const std::vector<Rule> all = {
      {"wall clock", QRegularExpression(QStringLiteral(
                         R"(\b(?:system_clock|steady_clock|high_resolution_clock|file_clock|)"
                         R"(utc_clock|tai_clock|gps_clock)\b)"))},
      // time(nullptr), time(NULL), time(0), time(&t): the C call, not a method called time().
      {"wall clock", QRegularExpression(freeCall(QStringLiteral("time")) +
                                        QStringLiteral(R"(\s*(?:nullptr|NULL|0\s*\)|&|\)))"))},
      {"wall clock",
       QRegularExpression(freeCall(QStringLiteral("clock")) + QStringLiteral(R"(\s*\))"))},
      {"wall clock",
       QRegularExpression(freeCall(QStringLiteral("gettimeofday|clock_gettime|timespec_get|ftime|"
                                                  "localtime|localtime_r|gmtime|gmtime_r")))},
      {"global random generator",
       QRegularExpression(freeCall(QStringLiteral("rand|srand|rand_r|random|srandom|drand48|"
                                                  "erand48|lrand48|mrand48|srand48|arc4random")))},
      {"random device", QRegularExpression(QStringLiteral(R"(\brandom_device\b)"))},
      {"Qt random generator", QRegularExpression(QStringLiteral(R"(\bQRandomGenerator\w*)"))},
      // Their output is implementation-defined: it differs between standard libraries.
      {"std distribution",
       QRegularExpression(QStringLiteral(
           R"(\b(?:uniform_int|uniform_real|bernoulli|binomial|negative_binomial|geometric|)"
           R"(poisson|exponential|gamma|weibull|extreme_value|normal|lognormal|chi_squared|)"
           R"(cauchy|fisher_f|student_t|discrete|piecewise_constant|piecewise_linear)_distribution\b)"))},
      {"std distribution", QRegularExpression(QStringLiteral(R"(\bstd::\w+_distribution\b)"))},
      {"implementation-defined shuffle",
       QRegularExpression(QStringLiteral(R"(\bstd::(?:shuffle|random_shuffle|sample)\b)"))},
      {"unordered container",
       QRegularExpression(QStringLiteral(
           R"(\b(?:unordered_map|unordered_set|unordered_multimap|unordered_multiset)\b)"))},
      {"Qt hash container", QRegularExpression(QStringLiteral(R"(\b(?:QHash|QMultiHash|QSet)\b)"))},
  };
  return all;
}

const QRegularExpression& includeLine() {
  static const QRegularExpression re(QStringLiteral(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])"));
  return re;
}

bool isQtHeader(const QString& header) {
  static const QRegularExpression re(
      QStringLiteral(R"(^(?:Qt\w*/|Q[A-Z]?[a-z]\w*(?:\.h)?$|q(?:global|namespace|tglobal)\.h$))"));
  return re.match(header).hasMatch();
}

// The text with comments, string and character literals replaced by spaces; newlines are kept, so
// line numbers do not move. Handles raw strings and digit separators (100'000).
QString blankCommentsAndLiterals(const QString& text) {
  QString out = text;
  const qsizetype n = text.size();
  auto blank = [&](qsizetype from, qsizetype to) {
    for (qsizetype k = from; k < to && k < n; ++k) {
      if (out[k] != QLatin1Char('\n')) out[k] = QLatin1Char(' ');
    }
  };
  auto isWord = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); };
  qsizetype i = 0;
  while (i < n) {
    const QChar c = text[i];
    const QChar next = i + 1 < n ? text[i + 1] : QChar();
    if (c == QLatin1Char('/') && next == QLatin1Char('/')) {
      qsizetype end = text.indexOf(QLatin1Char('\n'), i);
      if (end < 0) end = n;
      blank(i, end);
      i = end;
    } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
      qsizetype end = text.indexOf(QStringLiteral("*/"), i + 2);
      end = end < 0 ? n : end + 2;
      blank(i, end);
      i = end;
    } else if (c == QLatin1Char('"') && i > 0 && text[i - 1] == QLatin1Char('R')) {
      const qsizetype open = text.indexOf(QLatin1Char('('), i);
      if (open < 0) return out;
      const QString close = QLatin1Char(')') + text.mid(i + 1, open - i - 1) + QLatin1Char('"');
      qsizetype end = text.indexOf(close, open);
      end = end < 0 ? n : end + close.size();
      blank(i + 1, end - 1);
      i = end;
    } else if (c == QLatin1Char('\'') && i > 0 && text[i - 1].isLetterOrNumber() && isWord(next)) {
      ++i;  // a digit separator
    } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
      qsizetype k = i + 1;
      while (k < n && text[k] != c && text[k] != QLatin1Char('\n')) {
        k += text[k] == QLatin1Char('\\') ? 2 : 1;
      }
      blank(i + 1, k);
      i = k + 1;
    } else {
      ++i;
    }
  }
  return out;
}

struct Hit {
  int line;
  QString rule;
  QString text;
};

QList<Hit> scan(const QString& text) {
  QList<Hit> hits;
  const QStringList original = text.split(QLatin1Char('\n'));
  const QStringList code = blankCommentsAndLiterals(text).split(QLatin1Char('\n'));
  for (qsizetype i = 0; i < code.size(); ++i) {
    const QRegularExpressionMatch include = includeLine().match(original[i]);
    if (include.hasMatch()) {
      if (isQtHeader(include.captured(1))) {
        hits.append({int(i + 1), QStringLiteral("Qt header"), original[i].trimmed()});
      }
      continue;
    }
    for (const Rule& rule : rules()) {
      if (rule.pattern.match(code[i]).hasMatch()) {
        hits.append({int(i + 1), QString::fromLatin1(rule.name), original[i].trimmed()});
        break;  // one report per line
      }
    }
  }
  return hits;
}

QString readText(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(file.readAll());
}

QString format(const QString& file, const Hit& hit) {
  return QStringLiteral("%1:%2: %3: %4").arg(file).arg(hit.line).arg(hit.rule, hit.text);
}

}  // namespace

class tst_BannedApis : public QObject {
  Q_OBJECT

 private slots:
  void engineCoreIsClean();
  void checkerFindsEveryViolationInFixture();
  void checkerIgnoresCommentsStringsAndMembers();
};

void tst_BannedApis::engineCoreIsClean() {
  QStringList report;
  int files = 0;
  QDirIterator it(kSourceDir + QStringLiteral("/engine"),
                  {QStringLiteral("*.h"), QStringLiteral("*.hpp"), QStringLiteral("*.cpp"),
                   QStringLiteral("*.cc"), QStringLiteral("*.inl"), QStringLiteral("*.ipp")},
                  QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString path = it.next();
    const QString relative = path.mid(kSourceDir.size() + 1);
    if (relative.startsWith(QStringLiteral("engine/scenario/ScenarioFile.")) ||
        relative.startsWith(QStringLiteral("engine/scenario/OutputTarget.")))
      continue;
    ++files;
    for (const Hit& hit : scan(readText(path))) report.append(format(relative, hit));
  }
  QVERIFY2(files >= 20, qPrintable(QStringLiteral("only %1 engine files found").arg(files)));
  for (const QString& line : report) qWarning().noquote() << line;
  QVERIFY2(report.isEmpty(),
           qPrintable(QStringLiteral("%1 banned source(s) of nondeterminism in the engine core "
                                     "(docs/hardening.md):\n")
                          .arg(report.size()) +
                      report.join(QLatin1Char('\n'))));
}

// Every line of the fixture marked "// banned: RULE" must be reported with that rule, and no other.
void tst_BannedApis::checkerFindsEveryViolationInFixture() {
  const QString fixture = QStringLiteral("tests/data/banned-nondeterminism/violations.cpp");
  const QString text = readText(kSourceDir + QLatin1Char('/') + fixture);
  QVERIFY2(!text.isEmpty(), qPrintable(fixture + QStringLiteral(" is missing")));
  QMap<int, QString> expected;
  static const QRegularExpression marker(QStringLiteral(R"(// banned: (.+)$)"));
  const QStringList lines = text.split(QLatin1Char('\n'));
  for (qsizetype i = 0; i < lines.size(); ++i) {
    const QRegularExpressionMatch m = marker.match(lines[i]);
    if (m.hasMatch()) expected.insert(int(i + 1), m.captured(1).trimmed());
  }
  QVERIFY(expected.size() >= 20);
  QMap<int, QString> found;
  for (const Hit& hit : scan(text)) found.insert(hit.line, hit.rule);
  QStringList problems;
  for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
    if (!found.contains(it.key())) {
      problems.append(QStringLiteral("%1:%2: not reported: %3")
                          .arg(fixture)
                          .arg(it.key())
                          .arg(lines[it.key() - 1].trimmed()));
    } else if (found.value(it.key()) != it.value()) {
      problems.append(QStringLiteral("%1:%2: reported as \"%3\", expected \"%4\"")
                          .arg(fixture)
                          .arg(it.key())
                          .arg(found.value(it.key()), it.value()));
    }
  }
  for (auto it = found.cbegin(); it != found.cend(); ++it) {
    if (!expected.contains(it.key())) {
      problems.append(QStringLiteral("%1:%2: reported but allowed: %3")
                          .arg(fixture)
                          .arg(it.key())
                          .arg(lines[it.key() - 1].trimmed()));
    }
  }
  QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_BannedApis::checkerIgnoresCommentsStringsAndMembers() {
  const QString text = QStringLiteral(
      "// std::chrono::steady_clock in a comment\n"
      "/* QHash<int, int> and rand() in a block comment */\n"
      "const char* s = \"std::unordered_map, time(nullptr)\";\n"
      "SimTime t = event.time();\n"
      "auto c = sim->clock();\n"
      "constexpr int kMany = 100'000; int x = rand_state;\n"
      "#include \"scenario/Json.h\"\n"
      "#include <queue>\n");
  const QList<Hit> hits = scan(text);
  QStringList found;
  for (const Hit& hit : hits) found.append(format(QStringLiteral("text"), hit));
  QVERIFY2(hits.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
  QCOMPARE(scan(QStringLiteral("int a = 1;\nlong t = std::time(nullptr);\n")).size(), 1);
  QCOMPARE(scan(QStringLiteral("int a = 1;\nlong t = std::time(nullptr);\n")).first().line, 2);
}

QTEST_APPLESS_MAIN(tst_BannedApis)
#include "tst_bannedapis.moc"
