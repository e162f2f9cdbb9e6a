namespace IAToolkit;

/// <summary>What a company's code receives with each call the framework makes to it.</summary>
public sealed class CompanyRequestContext
{
    /// <summary>Creates a context.</summary>
    public CompanyRequestContext(ICompany company, IServiceProvider services, string? userIdentifier)
    {
        Company = company;
        Services = services;
        UserIdentifier = userIdentifier;
    }

    /// <summary>The company being called.</summary>
    public ICompany Company { get; }

    /// <summary>The services of the current request (a scope): resolve what the call needs from here.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The user on whose behalf the call is made, when there is one.</summary>
    public string? UserIdentifier { get; }
}
