// Fixture for tests/hardening/tst_bannedapis.cpp: code the engine core must not contain. This file is
// never compiled. Each line marked "banned: RULE" must be reported with that rule; no other line may
// be. Lines without a marker are allowed lookalikes.
#include <QHash>                                              // banned: Qt header
#include <QtCore/QString>                                     // banned: Qt header
#include "QRandomGenerator"                                   // banned: Qt header
#include <chrono>
#include <random>
#include "base/SimTime.h"

auto a = std::chrono::system_clock::now();                    // banned: wall clock
auto b = std::chrono::steady_clock::now();                    // banned: wall clock
auto c = std::chrono::high_resolution_clock::now();           // banned: wall clock
using Clock = steady_clock;                                   // banned: wall clock
long d = time(nullptr);                                       // banned: wall clock
long e = std::time(NULL);                                     // banned: wall clock
long f = ::time(&now);                                        // banned: wall clock
long g = clock();                                             // banned: wall clock
int h = gettimeofday(&tv, nullptr);                           // banned: wall clock
int i = clock_gettime(CLOCK_MONOTONIC, &ts);                  // banned: wall clock
int j = rand();                                               // banned: global random generator
void k() { srand(42); }                                       // banned: global random generator
int l = std::rand() % 6;                                      // banned: global random generator
std::random_device m;                                         // banned: random device
auto n = QRandomGenerator::global()->generate();              // banned: Qt random generator
std::uniform_int_distribution<int> o(1, 6);                   // banned: std distribution
std::exponential_distribution<double> p(1.0);                 // banned: std distribution
normal_distribution<> q;                                      // banned: std distribution
std::shuffle(v.begin(), v.end(), rng);                        // banned: implementation-defined shuffle
std::unordered_map<std::string, int> r;                       // banned: unordered container
std::unordered_set<int> s;                                    // banned: unordered container
QHash<QString, int> t;                                        // banned: Qt hash container
QSet<int> u;                                                  // banned: Qt hash container

// Allowed: members and other functions that share a name, and the words in comments or strings.
SimTime w = event.time();
SimTime x = queue->clock();
auto y = Timer::time(3);
const char* z = "std::unordered_map and time(nullptr) in a string";
int uptime(int);  // rand() and steady_clock in a comment
/* QHash<int, int> in a block comment,
   std::random_device over two lines */
constexpr long kLimit = 100'000'000;
std::map<std::string, int> ordered;
Rng rng(seed, "producer#1");
