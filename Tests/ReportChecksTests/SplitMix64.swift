#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small seeded generator (SplitMix64) with the distributions the simulation draws from.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u1 = max(uniform(), 0x1p-60), u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Gamma with `shape` ≥ 1 and mean `shape × scale` (Marsaglia–Tsang).
    mutating func gamma(shape: Double, scale: Double) -> Double {
        let d = shape - 1.0 / 3.0, c = 1 / (9 * d).squareRoot()
        while true {
            let z = normal()
            let v0 = 1 + c * z
            guard v0 > 0 else { continue }
            let v = v0 * v0 * v0
            let u = uniform()
            if log(max(u, 0x1p-60)) < 0.5 * z * z + d - d * v + d * log(v) { return d * v * scale }
        }
    }

    /// Poisson with mean `lambda` (Knuth for small means, a rounded normal above).
    mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda < 12 {
            let limit = exp(-lambda)
            var k = 0, p = uniform()
            while p > limit { k += 1; p *= uniform() }
            return k
        }
        return max(0, Int((lambda + lambda.squareRoot() * normal()).rounded()))
    }

    /// Gamma–Poisson (negative binomial) with mean `mean` and gamma shape `dispersion`: variance mean + mean²/dispersion.
    mutating func negativeBinomial(mean: Double, dispersion: Double) -> Int {
        guard mean > 0 else { return 0 }
        return poisson(gamma(shape: dispersion, scale: mean / dispersion))
    }
}
