using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit;

/// <summary>
/// A company (tenant): the code half of a company. The other half is its folder
/// <c>companies/&lt;short_name&gt;/</c> (company.yaml, context, schema, prompts). Register it with
/// <c>RegisterCompany&lt;TCompany&gt;("short_name")</c>. Implement this interface directly, or derive from
/// <see cref="CompanyBase"/>, which gives no-op defaults for everything optional.
/// </summary>
/// <remarks>
/// The framework creates one instance per registration with the public parameterless constructor, before the
/// host's container exists; services reach the company through the <see cref="CompanyRequestContext"/> of each call,
/// which also carries the short name and folder it was registered with (so one class may serve several companies).
/// </remarks>
public interface ICompany
{
    /// <summary>
    /// Returns the profile of a user of this company (typically looked up in the company's own systems);
    /// its values are injected into the assistant's context and into prompt templates.
    /// </summary>
    Task<CompanyUserInfo> GetUserInfoAsync(string userIdentifier, CompanyRequestContext context, CancellationToken cancellationToken);

    /// <summary>Runs one of the company's own tools (declared under <c>tools</c> in company.yaml) for the assistant.</summary>
    /// <returns>A value the framework serializes to JSON for the model.</returns>
    Task<object?> HandleRequestAsync(string toolName, JsonElement arguments, CompanyRequestContext context, CancellationToken cancellationToken);

    /// <summary>Adds the company's own services to the host's container. Called once, at registration.</summary>
    void ConfigureServices(IServiceCollection services);

    /// <summary>The company's own command-line verbs, run with <c>dotnet Host.dll &lt;verb&gt;</c>.</summary>
    /// <param name="context">
    /// The company's short name and folder, and the host's root services (create a scope for scoped services);
    /// no user. A verb runs after the host has loaded its companies.
    /// </param>
    IEnumerable<Command> GetCommands(CompanyRequestContext context);
}
