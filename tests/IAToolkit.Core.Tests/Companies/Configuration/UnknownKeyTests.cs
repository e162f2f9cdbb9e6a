using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Core.Tests.Companies.Configuration;

/// <summary>Unknown keys warn (with the known key meant, when close) and never stop the company.</summary>
public sealed class UnknownKeyTests
{
    [TestCase("llm:\n  model: gpt-4o-mini\n  api-key: OPENAI_API_KEY\n  modle: gpt-4o\n", "llm.modle", "is not a known key (did you mean llm.model?)")]
    [TestCase("llm:\n  model: gpt-4o-mini\n  api-key: OPENAI_API_KEY\n  api_key: OPENAI_API_KEY\n", "llm.api_key", "is not a known key (did you mean llm.api-key?)")]
    [TestCase("llm:\n  model: gpt-4o-mini\n  api-key: OPENAI_API_KEY\nprompt_categorys: [A]\n", "prompt_categorys", "is not a known key (did you mean prompt_categories?)")]
    [TestCase("llm:\n  model: gpt-4o-mini\n  api-key: OPENAI_API_KEY\nstorage_backend: { provider: s3 }\n", "storage_backend", "is not a known key")]
    public void Load_UnknownKey_WarnsWithPathAndSuggestion(string yamlAfterName, string keyPath, string message)
    {
        using var folder = new TestCompanyFolder().CompanyYaml("id: acme\nname: ACME\n" + yamlAfterName);

        var result = folder.Load("OPENAI_API_KEY");

        Assert.That(result.HasErrors, Is.False);
        Assert.That(result.Warnings.Select(w => (w.KeyPath, w.Message, w.Line)), Is.EqualTo(new[] { (keyPath, message, (int?)6) }));
    }

    [Test]
    public void Load_UnknownKeyInAListItem_NamesTheItem()
    {
        using var folder = new TestCompanyFolder().Prompt("p").CompanyYaml(TestCompanyFolder.MinimalYaml + """
            prompt_categories: [A]
            prompts:
              - { category: A, name: p, description: P, custom_fields: [{ data_key: d, label: L, typ: date }] }
            """);

        var warning = folder.Load("OPENAI_API_KEY").Warnings.Single();

        Assert.That(warning.ToString(), Is.EqualTo($"{folder.CompanyFile}: prompts[0].custom_fields[0].typ is not a known key (did you mean prompts[0].custom_fields[0].type?) (line 8)"));
    }

    [Test]
    public void Load_FreeFormKeysOfParametersBrandingParamsAndMetadata_DoNotWarn()
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml + """
            parameters:
              anything_goes: 1
              user_feedback: { channel: google_chat, destination: spaces/x, thread: t }
              external_urls: { logout_url: /bye, help_url: https://help.example.com }
            branding:
              send_button_color: "#112233"
              my_own_color: tomato
            tools:
              - function_name: lookup
                description: Looks up
                params: { type: object, properties: { code: { type: string, pattern: "^C-" } }, x-extension: yes }
            knowledge_base:
              document_sources:
                manuals: { path: docs, metadata: { anything: x, year: 2025 } }
            """);

        var result = folder.Load("OPENAI_API_KEY");

        Assert.That(result.Problems, Is.Empty, string.Join(Environment.NewLine, result.Problems));
        Assert.That(result.Configuration!.Parameters.LogoutUrl, Is.EqualTo(new Uri("/bye", UriKind.Relative)));
        Assert.That(result.Configuration.Branding["my_own_color"], Is.EqualTo("tomato"));
    }

    [Test]
    public void Load_UnknownKeysInHelpFiles_WarnInThoseFiles()
    {
        using var folder = new TestCompanyFolder()
            .File("config/cards.yaml", "- { icon: fas fa-x, title: T, text: X, exmaple: Q }\n")
            .CompanyYaml(TestCompanyFolder.MinimalYaml + "help_files: { onboarding_cards: cards.yaml }\n");

        var warning = folder.Load("OPENAI_API_KEY").Warnings.Single();

        Assert.That(warning.ToString(), Is.EqualTo("companies/acme/config/cards.yaml: [0].exmaple is not a known key (did you mean [0].example?) (line 1)"));
    }
}
