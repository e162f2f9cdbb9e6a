using System.Globalization;

namespace SampleCompany.SampleData;

/// <summary>Generates the customers: shops, restaurants and wholesalers spread over the sales territories.</summary>
internal static class CustomerGenerator
{
    public const int Count = 60;

    private static readonly DateOnly s_periodStart = new(2023, 1, 1);
    private static readonly DateOnly s_periodEnd = new(2025, 12, 31);

    private static readonly string[] s_nameRoots =
    [
        "Golden Harvest", "Blue Harbour", "Old Mill", "Green Leaf", "Silver Spoon", "Red Barn", "Olive Branch", "North Star",
        "Market Lane", "Wild Thyme", "Copper Pot", "Fig Tree", "Lemon Grove", "Blackbird", "Cedar House", "Harvest Moon",
        "Twin Oaks", "Bluebell", "Saffron", "Juniper", "Honeycomb", "Pine Hill", "Stonebridge", "Riverbend",
        "Lighthouse", "Little Acorn", "Sunflower", "Three Bridges", "Orchard", "Tidewater", "Cobblestone", "Bay Leaf",
    ];

    private static readonly (string Segment, int Share, int Weight, string[] Suffixes, string[] Titles)[] s_segments =
    [
        ("retail", 50, 2, ["Grocers", "Market", "Deli", "Food Hall", "Pantry", "Fine Foods"], ["Owner", "Store Manager", "Purchasing Manager"]),
        ("restaurant", 30, 3, ["Bistro", "Kitchen", "Trattoria", "Café", "Brasserie", "Tavern"], ["Owner", "Head Chef", "Restaurant Manager"]),
        ("wholesale", 20, 5, ["Distributors", "Wholesale", "Trading Co.", "Food Supply", "Imports"], ["Purchasing Manager", "Category Buyer", "Procurement Director"]),
    ];

    public static IReadOnlyList<Customer> Generate(Pcg32 random)
    {
        var customers = new List<Customer>(Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var places = PlaceDeck(random);
        for (var id = 1; id <= Count; id++)
        {
            var (segment, _, baseWeight, suffixes, titles) = s_segments[random.PickWeighted([.. s_segments.Select(s => s.Share)])];
            string name;
            do
            {
                name = random.Pick(s_nameRoots) + " " + random.Pick(suffixes);
            }
            while (!names.Add(name));

            var place = places[id - 1];
            var number = random.Between(1, 240).ToString(CultureInfo.InvariantCulture);
            var street = random.Pick(place.Streets);
            var (activeFrom, activeUntil) = ActivePeriod(random);
            customers.Add(new Customer(
                id,
                name,
                random.Pick(PersonNames.First) + " " + random.Pick(PersonNames.Last),
                random.Pick(titles),
                segment,
                place,
                place.NumberFirst ? $"{number} {street}" : $"{street} {number}",
                random.Fill(place.PostalCode),
                random.Fill(place.Phone),
                baseWeight * random.Between(1, 4),
                activeFrom,
                activeUntil));
        }

        return customers;
    }

    public static SampleTable Rows(IReadOnlyList<Customer> customers)
    {
        var table = new SampleTable(
            "customers", "customer_id", "company_name", "contact_name", "contact_title", "segment", "address", "city", "region", "postal_code", "country", "phone");
        foreach (var c in customers)
        {
            table.Add(c.Id, c.CompanyName, c.ContactName, c.ContactTitle, c.Segment, c.Address, c.Place.City, c.Place.Region, c.PostalCode, c.Place.Country, c.Phone);
        }

        return table;
    }

    /// <summary>
    /// The customers' cities: every city once, and the first (largest) city of each territory twice, shuffled, so
    /// that the customers spread over every territory and the big cities have more of them.
    /// </summary>
    private static List<Place> PlaceDeck(Pcg32 random)
    {
        var deck = PlaceList.All.Concat(PlaceList.All.DistinctBy(p => p.TerritoryId)).ToList();
        random.Shuffle(deck);
        return deck;
    }

    /// <summary>Most customers buy all through 2023–2025; some are won during the period and some are lost.</summary>
    private static (DateOnly From, DateOnly Until) ActivePeriod(Pcg32 random) => random.Next(100) switch
    {
        < 15 => (new DateOnly(2024, 1, 1).AddDays(random.Next(540)), s_periodEnd),
        < 25 => (s_periodStart, new DateOnly(2024, 3, 1).AddDays(random.Next(550))),
        _ => (s_periodStart, s_periodEnd),
    };
}
