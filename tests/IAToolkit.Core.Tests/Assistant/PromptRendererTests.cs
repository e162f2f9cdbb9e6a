using System.Text.Json;
using IAToolkit.Assistant.Prompts;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Testing;
using Microsoft.Extensions.Configuration;

namespace IAToolkit.Core.Tests.Assistant;

public sealed class PromptRendererTests
{
    private TempContentRoot _root = null!;

    [SetUp]
    public void CreateRoot() => _root = new TempContentRoot();

    [TearDown]
    public void DeleteRoot() => _root?.Dispose();

    [Test]
    public async Task RenderAsync_JinjaStyleTemplate_UsesClientDataAndTheProfile()
    {
        var company = Company("""
            Report for {{ user_fullname }} ({{ department }}) between {{ init_date }} and {{ end_date }}.
            {% if regions %}Regions:{% for r in regions %} {{ r | upper }}{% endfor %}.{% endif %}
            {% if missing_optional %}never{% endif %}
            """);
        var data = Data("""{"init_date":"2024-01-01","end_date":"2024-03-31","regions":["north","south"]}""");

        var text = await new PromptRenderer().RenderAsync(company, "report", data, User());

        Assert.That(text, Does.Contain("Report for Ana Pérez (sales) between 2024-01-01 and 2024-03-31."));
        Assert.That(text, Does.Contain("Regions: NORTH SOUTH."));
        Assert.That(text, Does.Not.Contain("never"));
    }

    [Test]
    public async Task RenderAsync_MissingCustomField_NamesIt()
    {
        var company = Company("From {{ init_date }} to {{ end_date }}");

        var ex = await Assert.ThrowsAsync<IAToolkitException>(() => new PromptRenderer().RenderAsync(company, "report", Data("""{"init_date":"2024-01-01"}"""), User()));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCodes.PromptInvalid));
        Assert.That(ex.Message, Does.Contain("end_date (To)"));
    }

    [Test]
    public async Task RenderAsync_BrokenTemplate_SaysWhichFile()
    {
        var company = Company("{% if x %}never closed");

        var ex = await Assert.ThrowsAsync<IAToolkitException>(() => new PromptRenderer().RenderAsync(company, "report", Data("""{"init_date":"a","end_date":"b"}"""), User()));

        Assert.That(ex!.Message, Does.Contain("prompts/report.prompt"));
    }

    [Test]
    public async Task RenderAsync_FileEdited_IsReadAgain()
    {
        var company = Company("Version one {{ init_date }}{{ end_date }}");
        var renderer = new PromptRenderer();
        var data = Data("""{"init_date":"a","end_date":"b"}""");
        await renderer.RenderAsync(company, "report", data, User());

        var path = Path.Combine(company.Folder, "prompts", "report.prompt");
        await File.WriteAllTextAsync(path, "Version two");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));

        Assert.That(await renderer.RenderAsync(company, "report", data, User()), Is.EqualTo("Version two"));
    }

    private Company Company(string template)
    {
        var folder = _root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme") + """

            prompt_categories: [Reports]
            prompts:
              - category: Reports
                name: report
                description: A report
                custom_fields:
                  - { data_key: init_date, label: From, type: date }
                  - { data_key: end_date, label: To, type: date }
            """, ("prompts/report.prompt", template));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["TEST_OPENAI_API_KEY"] = "k" }).Build();
        var loaded = new CompanyConfigurationLoader(configuration).Load("acme", folder, "companies/acme");
        Assert.That(loaded.HasErrors, Is.False, string.Join("\n", loaded.Problems));
        var implementation = new AcmeCompany();
        return new Company(1, "acme", folder, loaded.Configuration!, implementation);
    }

    private static CompanyUserInfo User() => new()
    {
        UserIdentifier = "ana@example.com",
        FullName = "Ana Pérez",
        Extras = new Dictionary<string, object?> { ["department"] = "sales" },
    };

    private static Dictionary<string, JsonElement> Data(string json)
        => JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

    private sealed class AcmeCompany : CompanyBase;
}
