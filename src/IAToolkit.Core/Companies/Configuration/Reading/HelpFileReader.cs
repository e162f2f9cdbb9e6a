using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Reads <c>help_files</c> and the two files it names from <c>config/</c>: the onboarding cards and the help content.</summary>
internal static class HelpFileReader
{
    public static (HelpFiles Files, IReadOnlyList<OnboardingCard> Cards, HelpContent? Content) Read(YamlSection root, LoadContext context)
    {
        if (root.Section("help_files") is not { } section)
        {
            return (new HelpFiles(), [], null);
        }

        var files = new HelpFiles
        {
            OnboardingCards = section.String("onboarding_cards")?.Trim(),
            HelpContent = section.String("help_content")?.Trim(),
        };
        var cardsRoot = Open(section, "onboarding_cards", files.OnboardingCards, context);
        var contentRoot = Open(section, "help_content", files.HelpContent, context);
        var cards = cardsRoot is null ? [] : ReadCards(cardsRoot.Value.Node, cardsRoot.Value.Problems);
        var content = contentRoot is null ? null : ReadContent(contentRoot.Value.Node, contentRoot.Value.Problems);
        return (files, cards, content);
    }

    private static (YamlNode Node, ProblemCollector Problems)? Open(YamlSection section, string key, string? name, LoadContext context)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var relative = $"config/{name}";
        if (!LoadContext.IsPlainFileName(name))
        {
            section.Error(key, $"'{name}' must be a file name in config/, without folders");
            return null;
        }

        if (!File.Exists(context.PathOf(relative)))
        {
            section.Error(key, $"names {relative}, which does not exist");
            return null;
        }

        var problems = context.Log.For(context.Display(relative));
        return YamlFileReader.ReadRoot(context.PathOf(relative), problems) is { } node ? (node, problems) : null;
    }

    private static List<OnboardingCard> ReadCards(YamlNode root, ProblemCollector problems)
    {
        if (root is not YamlSequenceNode list)
        {
            problems.Error(string.Empty, $"must be a list of cards (- icon, title, text, example), not {YamlNodeKinds.Describe(root)}", ProblemCollector.LineOf(root));
            return [];
        }

        var cards = new List<OnboardingCard>();
        foreach (var (item, i) in list.Children.Select((item, i) => (item, i)))
        {
            if (YamlNodeKinds.AsSection(item, $"[{i}]", problems) is not { } card)
            {
                continue;
            }

            var icon = card.String("icon")?.Trim() ?? string.Empty;
            var title = card.String("title", required: true);
            var text = card.String("text", required: true);
            var example = card.String("example");
            if (title is not null && text is not null)
            {
                cards.Add(new OnboardingCard { Icon = icon, Title = title, Text = text, Example = example });
            }
        }

        return cards;
    }

    private static HelpContent? ReadContent(YamlNode root, ProblemCollector problems)
    {
        if (root is not YamlMappingNode mapping)
        {
            problems.Error(string.Empty, $"must be a mapping (example_questions, data_sources, best_practices, capabilities), not {YamlNodeKinds.Describe(root)}", ProblemCollector.LineOf(root));
            return null;
        }

        var section = new YamlSection(mapping, string.Empty, problems);
        var examples = section.SectionList("example_questions")
            .Select(e => (Category: e.String("category", required: true), Questions: e.StringList("questions") ?? []))
            .Where(e => e.Category is not null)
            .Select(e => new HelpExampleQuestions(e.Category!, e.Questions))
            .ToList();
        var sources = section.SectionList("data_sources")
            .Select(s => (Source: s.String("source", required: true), Description: s.String("description", required: true)))
            .Where(s => s.Source is not null && s.Description is not null)
            .Select(s => new HelpDataSource(s.Source!, s.Description!))
            .ToList();
        var practices = section.SectionList("best_practices")
            .Select(p => (Title: p.String("title", required: true), Description: p.String("description", required: true), Example: p.String("example")))
            .Where(p => p.Title is not null && p.Description is not null)
            .Select(p => new HelpBestPractice(p.Title!, p.Description!, p.Example))
            .ToList();
        var capabilities = section.Section("capabilities");
        return new HelpContent
        {
            ExampleQuestions = examples,
            DataSources = sources,
            BestPractices = practices,
            Capabilities = new HelpCapabilities
            {
                CanDo = capabilities?.StringList("can_do") ?? [],
                CannotDo = capabilities?.StringList("cannot_do") ?? [],
            },
        };
    }
}
