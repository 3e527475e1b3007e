/// One electrolyte's intake over a span, against its daily target and safety cap.
public struct ElectrolyteProgress: Sendable, Equatable, Hashable, Codable {
    public var electrolyte: Electrolyte
    public var milligrams: Int
    public var targetMilligrams: Int?
    public var capMilligrams: Int?

    public init(electrolyte: Electrolyte, milligrams: Int, targetMilligrams: Int? = nil, capMilligrams: Int? = nil) {
        self.electrolyte = electrolyte; self.milligrams = milligrams
        self.targetMilligrams = targetMilligrams; self.capMilligrams = capMilligrams
    }

    public var targetMet: Bool { targetMilligrams.map { milligrams >= $0 } ?? false }
    public var capExceeded: Bool { capMilligrams.map { milligrams > $0 } ?? false }

    /// One entry per electrolyte that has a target, a cap or any intake, in `Electrolyte.allCases` order.
    static func list(doses: [Dose], goals: Goals) -> [ElectrolyteProgress] {
        var totals: [Electrolyte: Int] = [:]
        for d in doses { totals[d.electrolyte, default: 0] += d.milligrams }
        return Electrolyte.allCases.compactMap { e in
            let target = goals.targetMilligrams[e], cap = goals.capMilligrams[e], taken = totals[e]
            guard target != nil || cap != nil || taken != nil else { return nil }
            return ElectrolyteProgress(electrolyte: e, milligrams: taken ?? 0, targetMilligrams: target, capMilligrams: cap)
        }
    }
}
