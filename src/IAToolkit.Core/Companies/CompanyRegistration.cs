using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies;

/// <summary>A company class registered with a short name, before its folder is loaded.</summary>
/// <param name="ShortName">The short name, e.g. <c>sample_company</c>.</param>
/// <param name="Implementation">The single instance of the company class.</param>
internal sealed record CompanyRegistration(string ShortName, ICompany Implementation);
