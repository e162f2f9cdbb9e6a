namespace SampleCompany.SampleData;

/// <summary>Generates the lines of one order: which products, how many, at which price and discount.</summary>
internal sealed class OrderLineGenerator
{
    private static readonly int[] s_retailLines = [30, 35, 20, 10, 5];
    private static readonly int[] s_restaurantLines = [15, 30, 30, 15, 10];
    private static readonly int[] s_wholesaleLines = [5, 15, 30, 30, 20];
    private static readonly decimal[] s_smallDiscounts = [0.05m, 0.10m];
    private static readonly decimal[] s_mediumDiscounts = [0.05m, 0.10m, 0.15m];
    private static readonly decimal[] s_largeDiscounts = [0.05m, 0.10m, 0.15m, 0.20m, 0.25m];

    private readonly IReadOnlyList<Product> _products;
    private readonly Pcg32 _random;

    public OrderLineGenerator(IReadOnlyList<Product> products, Pcg32 random)
    {
        _products = products;
        _random = random;
    }

    /// <summary>One to five lines, for distinct products, ordered by product id.</summary>
    public IReadOnlyList<OrderLine> Generate(Customer customer, DateOnly orderDate)
    {
        var orderable = _products.Where(p => p.IsOrderableOn(orderDate)).ToList();
        var weights = orderable.Select(p => p.Popularity * p.Popularity).ToList();
        var lineCount = 1 + _random.PickWeighted(customer.Segment switch
        {
            "wholesale" => s_wholesaleLines,
            "restaurant" => s_restaurantLines,
            _ => s_retailLines,
        });
        var chosen = new List<Product>(lineCount);
        while (chosen.Count < lineCount)
        {
            var product = orderable[_random.PickWeighted(weights)];
            if (!chosen.Contains(product))
            {
                chosen.Add(product);
            }
        }

        return [.. chosen.OrderBy(p => p.Id).Select(p => Line(customer.Segment, p, orderDate.Year))];
    }

    private OrderLine Line(string segment, Product product, int year)
    {
        var price = product.PriceIn(year);
        var quantity = segment switch
        {
            "wholesale" => _random.Between(2, 16) * 5,
            "restaurant" => _random.Between(4, 40),
            _ => _random.Between(2, 24),
        };

        // A leg of ham or a wheel of cheese is bought by the unit, a box of tea by the dozen.
        quantity = price >= 60m ? Math.Max(1, quantity / 4) : price >= 30m ? Math.Max(1, quantity / 2) : quantity;
        var discount = segment switch
        {
            "wholesale" => _random.Chance(60) ? _random.Pick(s_largeDiscounts) : 0m,
            "restaurant" => _random.Chance(25) ? _random.Pick(s_mediumDiscounts) : 0m,
            _ => _random.Chance(15) ? _random.Pick(s_smallDiscounts) : 0m,
        };
        return new OrderLine(product.Id, price, quantity, discount);
    }
}
