namespace IAToolkit.ApiKeys;

/// <summary>
/// Who a valid key speaks for. A key is bound to one company: the caller must compare
/// <see cref="CompanyId"/> with the company the request names and refuse any other.
/// </summary>
/// <param name="KeyId">The key's row id.</param>
/// <param name="CompanyId">The id of the key's company (<see cref="Companies.Company.Id"/>).</param>
/// <param name="CompanyShortName">The short name of the key's company.</param>
internal sealed record ApiKeyIdentity(long KeyId, long CompanyId, string CompanyShortName);
