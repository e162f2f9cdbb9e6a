using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Core.Tests.Companies.Configuration;

/// <summary><c>parameters.signup</c>: read with key paths, misspellings warn, domains match the way mail is routed.</summary>
[Category("Security")]
public sealed class SignUpSettingsTests
{
    [Test]
    public void Load_SignUpSection_IsRead()
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml + """
            parameters:
              signup:
                enabled: false
                allowed_domains: [Acme.COM, "*.example.org"]
            """);

        var result = folder.Load("OPENAI_API_KEY");

        Assert.That(result.Problems, Is.Empty, string.Join(Environment.NewLine, result.Problems));
        var signUp = result.Configuration!.Parameters.SignUp;
        Assert.That(signUp.Enabled, Is.False);
        Assert.That(signUp.AllowedDomains, Is.EqualTo(new[] { "acme.com", "*.example.org" }));
    }

    [Test]
    public void Load_NoSignUpSection_AnyoneMaySignUp()
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml);

        var signUp = folder.Load("OPENAI_API_KEY").Configuration!.Parameters.SignUp;

        Assert.That(signUp.Enabled, Is.True);
        Assert.That(signUp.AllowedDomains, Is.Empty);
    }

    [Test]
    public void Load_MisspeltSignUpKey_WarnsInsteadOfAllowingEveryone()
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml + """
            parameters:
              signup:
                allowed_domain: [acme.com]
            """);

        var result = folder.Load("OPENAI_API_KEY");

        Assert.That(result.Warnings.Select(w => w.KeyPath), Is.EqualTo(new[] { "parameters.signup.allowed_domain" }));
        Assert.That(result.Warnings.Single().Message, Does.Contain("did you mean parameters.signup.allowed_domains?"));
    }

    [TestCase("signup: { allowed_domains: [\"@acme.com\"] }", "parameters.signup.allowed_domains[0]")]
    [TestCase("signup: { allowed_domains: [\"user@acme.com\"] }", "parameters.signup.allowed_domains[0]")]
    [TestCase("signup: { allowed_domains: [acme] }", "parameters.signup.allowed_domains[0]")]
    [TestCase("signup: { allowed_domains: [\"*\"] }", "parameters.signup.allowed_domains[0]")]
    [TestCase("signup: { allowed_domains: [\"acme.com \\n evil.com\"] }", "parameters.signup.allowed_domains[0]")]
    [TestCase("signup: { allowed_domains: acme.com }", "parameters.signup.allowed_domains")]
    [TestCase("signup: { enabled: maybe }", "parameters.signup.enabled")]
    [TestCase("signup: false", "parameters.signup")]
    public void Load_BadSignUpValue_IsAnErrorWithItsKeyPath(string parameters, string keyPath)
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml + $"parameters:\n  {parameters}\n");

        var problem = folder.Load("OPENAI_API_KEY").Errors.Single();

        Assert.That(problem.KeyPath, Is.EqualTo(keyPath));
    }

    [TestCase("user@acme.com", true)]
    [TestCase("user@sales.acme.com", false)]
    [TestCase("user@acme.com.evil.com", false)]
    [TestCase("user@evilacme.com", false)]
    [TestCase("acme.com@evil.com", false)]
    [TestCase("user@team.example.org", true)]
    [TestCase("user@a.b.example.org", true)]
    [TestCase("user@example.org", false)]
    [TestCase("user@badexample.org", false)]
    public void Allows_Domains_MatchWholeLabels(string email, bool allowed)
    {
        var settings = new SignUpSettings { AllowedDomains = ["acme.com", "*.example.org"] };

        Assert.That(settings.Allows(email), Is.EqualTo(allowed));
    }

    [Test]
    public void Allows_NoDomainsListed_AllowsEveryone()
        => Assert.That(new SignUpSettings().Allows("anyone@anywhere.example"), Is.True);
}
