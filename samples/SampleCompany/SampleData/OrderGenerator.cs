namespace SampleCompany.SampleData;

/// <summary>
/// Generates the orders of 2023–2025 and their lines: the business grows every year, December is the busiest
/// month and summer the quietest; big customers order more often; some shipments are late, a few orders are
/// cancelled, and the orders of the last days of 2025 are not shipped yet.
/// </summary>
internal static class OrderGenerator
{
    public const int FirstOrderId = 10001;

    private static readonly (int Year, int Orders)[] s_years = [(2023, 150), (2024, 200), (2025, 250)];
    private static readonly int[] s_monthWeights = [4, 3, 4, 4, 4, 4, 3, 3, 4, 5, 5, 7];
    private static readonly int[] s_requiredAfterDays = [14, 21, 28];
    private static readonly int[] s_europeShippers = [50, 35, 15];
    private static readonly int[] s_americasShippers = [15, 35, 50];
    private static readonly DateOnly s_lastDay = new(2025, 12, 31);

    /// <summary>Per shipper (id - 1): days to ship, the chance of a late shipment, and the freight rate.</summary>
    private static readonly (int MinDays, int MaxDays, int LatePercent, decimal BaseFreight, decimal FreightRate)[] s_shippers =
    [
        (1, 4, 4, 8.00m, 0.030m),
        (2, 6, 8, 6.00m, 0.020m),
        (2, 8, 12, 12.00m, 0.035m),
    ];

    public static (SampleTable Orders, SampleTable Details) Generate(IReadOnlyList<Customer> customers, IReadOnlyList<Product> products, Pcg32 random)
    {
        var orders = new SampleTable(
            "orders", "order_id", "customer_id", "employee_id", "order_date", "required_date", "shipped_date", "ship_via", "freight", "status",
            "ship_name", "ship_address", "ship_city", "ship_region", "ship_postal_code", "ship_country");
        var details = new SampleTable("order_details", "order_id", "product_id", "unit_price", "quantity", "discount");
        var lines = new OrderLineGenerator(products, random);
        var orderId = FirstOrderId;
        foreach (var date in OrderDates(random))
        {
            var active = customers.Where(c => c.IsActiveOn(date)).ToList();
            var customer = active[random.PickWeighted([.. active.Select(c => c.Weight)])];
            var orderLines = lines.Generate(customer, date);
            AddOrder(orders, orderId, customer, date, orderLines.Sum(l => l.Revenue), random);
            foreach (var line in orderLines)
            {
                details.Add(orderId, line.ProductId, line.UnitPrice, line.Quantity, line.Discount);
            }

            orderId++;
        }

        return (orders, details);
    }

    /// <summary>Every order date, in order, so that order ids grow with the dates.</summary>
    private static IEnumerable<DateOnly> OrderDates(Pcg32 random)
    {
        var weightTotal = s_monthWeights.Sum();
        foreach (var (year, yearOrders) in s_years)
        {
            for (var month = 1; month <= 12; month++)
            {
                var count = yearOrders * s_monthWeights[month - 1] / weightTotal;
                var days = new int[count];
                for (var i = 0; i < count; i++)
                {
                    days[i] = random.Between(1, DateTime.DaysInMonth(year, month));
                }

                Array.Sort(days);
                foreach (var day in days)
                {
                    yield return new DateOnly(year, month, day);
                }
            }
        }
    }

    private static void AddOrder(SampleTable orders, int orderId, Customer customer, DateOnly date, decimal value, Pcg32 random)
    {
        var covering = StaffRows.CoveringEmployees(customer.Place.TerritoryId);
        var employeeId = covering.Count > 1 && random.Chance(15) ? covering[1] : covering[0];
        var required = date.AddDays(random.Pick(s_requiredAfterDays));
        var shipperIndex = random.PickWeighted(TerritoryRows.IsInEurope(customer.Place.TerritoryId) ? s_europeShippers : s_americasShippers);
        var shipper = s_shippers[shipperIndex];
        var days = random.Chance(shipper.LatePercent)
            ? required.DayNumber - date.DayNumber + random.Between(1, 12)
            : random.Between(shipper.MinDays, shipper.MaxDays);
        var freight = decimal.Round(shipper.BaseFreight + (value * shipper.FreightRate), 2, MidpointRounding.AwayFromZero);
        DateOnly? shipped = date.AddDays(days);
        var status = "shipped";
        if (random.Chance(3))
        {
            (status, shipped, freight) = ("cancelled", null, 0m);
        }
        else if (shipped > s_lastDay)
        {
            (status, shipped) = ("pending", null);
        }

        var place = customer.Place;
        orders.Add(
            orderId, customer.Id, employeeId, date, required, shipped, shipperIndex + 1, freight, status,
            customer.CompanyName, customer.Address, place.City, place.Region, customer.PostalCode, place.Country);
    }
}
