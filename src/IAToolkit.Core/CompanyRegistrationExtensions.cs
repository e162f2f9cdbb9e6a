using IAToolkit;

// Extension methods live where host code already has a using for them (Program.cs of a web host imports it implicitly).
#pragma warning disable IDE0130
namespace Microsoft.Extensions.Hosting;
#pragma warning restore IDE0130

/// <summary>Registers a host's companies on the builder <c>AddIAToolkit()</c> returns.</summary>
public static class CompanyRegistrationExtensions
{
    /// <summary>
    /// Registers a company: the class <typeparamref name="TCompany"/> plus its folder <c>companies/&lt;shortName&gt;/</c>,
    /// whose company.yaml must declare <c>id: &lt;shortName&gt;</c>. The framework creates one instance of the class
    /// with its public parameterless constructor, now, and calls its <see cref="ICompany.ConfigureServices"/>; the
    /// instance reaches services through the <see cref="CompanyRequestContext"/> of each call.
    /// </summary>
    /// <exception cref="ArgumentException">The short name is malformed or already registered.</exception>
    public static IAToolkitBuilder RegisterCompany<TCompany>(this IAToolkitBuilder builder, string shortName)
        where TCompany : class, ICompany, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(shortName);
        var company = new TCompany();
        builder.Registry.Add(shortName, company);
        company.ConfigureServices(builder.Services);
        return builder;
    }
}
