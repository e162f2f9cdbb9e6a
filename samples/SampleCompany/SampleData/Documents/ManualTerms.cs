namespace SampleCompany.SampleData.Documents;

/// <summary>What differs between the suppliers' quality manuals: standards, delivery, packaging, returns, contacts.</summary>
internal sealed record ManualTerms
{
    public required int SupplierId { get; init; }

    public required SampleDocumentFormat Format { get; init; }

    public required string Revision { get; init; }

    public required DateOnly Effective { get; init; }

    /// <summary>Certifications the supplier keeps, in words.</summary>
    public required string Certifications { get; init; }

    /// <summary>Product specifications checked on every lot, one bullet each.</summary>
    public required IReadOnlyList<string> Specifications { get; init; }

    /// <summary>The AQL inspection level, e.g. <c>AQL 1.0</c>.</summary>
    public required string Aql { get; init; }

    /// <summary>The Incoterm and place, e.g. <c>DAP Rotterdam (Incoterms 2020)</c>.</summary>
    public required string Incoterm { get; init; }

    public required int LeadTimeDays { get; init; }

    /// <summary>The smallest order, in words.</summary>
    public required string MinimumOrder { get; init; }

    /// <summary>The on-time-in-full target, in percent.</summary>
    public required decimal OnTimeTarget { get; init; }

    /// <summary>What a late delivery costs the supplier, in words.</summary>
    public required string LatePenalty { get; init; }

    /// <summary>Transport conditions, e.g. temperature, in words.</summary>
    public required string Transport { get; init; }

    /// <summary>Primary and outer packaging, in words.</summary>
    public required string Packaging { get; init; }

    /// <summary>Pallet requirements, in words.</summary>
    public required string Pallets { get; init; }

    /// <summary>The minimum remaining shelf life at delivery, in words.</summary>
    public required string ShelfLife { get; init; }

    /// <summary>How long Sample Company has to report a defect, in words.</summary>
    public required string ClaimWindow { get; init; }

    /// <summary>How fast the supplier answers a claim and settles it, in words.</summary>
    public required string Settlement { get; init; }

    /// <summary>Who pays return freight and what happens to rejected goods, in words.</summary>
    public required string Returns { get; init; }

    /// <summary>How often the supplier is audited, in words.</summary>
    public required string Audits { get; init; }

    /// <summary>The supplier's quality contact: name, role, e-mail.</summary>
    public required string QualityContact { get; init; }
}
