#pragma once

// The elementary functions the samplers need, computed here in plain double arithmetic rather
// than by the C library: libm's log, exp, cos and erfc may differ in their last bit between
// glibc versions, macOS and Windows, and one bit is enough to give the same seed another run
// elsewhere. These are the same on every IEEE-754 machine (the build never contracts to FMA).
// Accuracy: within 1 ulp of the true value for log, exp and cos (over the samplers' ranges), a
// few ulp for log1p, expm1 and erfc; tests/engine/tst_portablemath.cpp holds each against libm.
//
// Algorithms (facts, not code, taken from the literature): log and exp by argument reduction and
// the minimax polynomials of Sun's fdlibm (Tang's method); cos by Cody-Waite reduction with a
// two-part pi/2 and fdlibm's kernel polynomials; log1p and expm1 by Kahan's corrections; erfc by
// its Taylor series near 0 and Lentz's continued fraction beyond, with exp(-x^2) split exactly.

namespace brokerlab::pmath {

double log(double x);    // natural logarithm; -inf at 0, NaN below
double log1p(double x);  // log(1 + x), accurate near 0
double exp(double x);    // e^x
double expm1(double x);  // e^x - 1, accurate near 0
double cos(double x);    // for |x| < 2^19 (the samplers use [0, 2 pi)); NaN beyond
double erfc(double x);   // 1 - erf(x), accurate where it is small

// log in two halves, for a caller that overlaps each with other work (Rng::negLogOpen01): the
// reduction and the division, then the polynomial. For a positive, normal, finite x (a uniform
// draw in (0, 1] is one), logFinish(logStart(x)) == log(x) to the bit: the same operations.
struct LogStart {
  double f;   // x's mantissa, reduced to [sqrt(2)/2, sqrt(2)], less 1
  double s;   // f / (2 + f)
  double dk;  // x = 2^dk (1 + f)
  bool operator==(const LogStart&) const = default;
};
LogStart logStart(double x);
double logFinish(const LogStart& start);

}  // namespace brokerlab::pmath
