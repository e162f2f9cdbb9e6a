namespace SampleCompany.SampleData.Documents;

/// <summary>
/// The terms of one employee's contract that differ from colleague to colleague, so that a question such as
/// "what is Julia Bianchi's notice period?" has one specific answer.
/// </summary>
internal sealed record ContractTerms
{
    public required int EmployeeId { get; init; }

    public required SampleDocumentFormat Format { get; init; }

    /// <summary>The employing company, e.g. <c>Sample Company Italia S.r.l.</c>.</summary>
    public required string Employer { get; init; }

    public required string EmployerAddress { get; init; }

    /// <summary>The office the employee works from.</summary>
    public required string Office { get; init; }

    /// <summary>The fixed pay in words, e.g. <c>EUR 46,800 gross per year, paid in 14 monthly instalments</c>.</summary>
    public required string Salary { get; init; }

    /// <summary>Bonus or commission, in words.</summary>
    public required string VariablePay { get; init; }

    public required decimal WeeklyHours { get; init; }

    /// <summary>The usual working days and hours, e.g. <c>Monday to Friday, 9:00 to 17:30</c>.</summary>
    public required string Schedule { get; init; }

    public required int RemoteDaysPerWeek { get; init; }

    public required int VacationDays { get; init; }

    /// <summary>What the vacation days count: <c>working days</c> or <c>calendar days</c>, plus any public holidays note.</summary>
    public required string VacationBasis { get; init; }

    /// <summary>The probation period in words, e.g. <c>three (3) months</c>.</summary>
    public required string Probation { get; init; }

    /// <summary>The notice either party gives, in words.</summary>
    public required string Notice { get; init; }

    public required int ConfidentialityYears { get; init; }

    public required int NonCompeteMonths { get; init; }

    /// <summary>Where the non-compete applies.</summary>
    public required string NonCompeteArea { get; init; }

    /// <summary>What the company pays during the non-compete, in words.</summary>
    public required string NonCompeteCompensation { get; init; }

    /// <summary>Pension and insurance, in words.</summary>
    public required string Benefits { get; init; }

    /// <summary>Car, phone and similar, in words.</summary>
    public required string Equipment { get; init; }

    /// <summary>The governing law, e.g. <c>the laws of England and Wales</c>.</summary>
    public required string GoverningLaw { get; init; }

    /// <summary>The courts with jurisdiction.</summary>
    public required string Courts { get; init; }

    /// <summary>The data-protection law the clause cites.</summary>
    public required string DataProtectionLaw { get; init; }
}
