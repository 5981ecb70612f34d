package dev.flows.demostore.catalogue;

import java.util.List;

/** Today's range of the demo shop, kept apart from {@link Catalogue} so the data reads like a price list. */
final class CurrentRange {

    static final Catalogue CATALOGUE = build();

    private CurrentRange() {
    }

    private static Catalogue build() {
        List<Category> categories = List.of(
                new Category("espresso-machines", "Espresso Machines", "Dual boilers, heat exchangers and levers for home baristas."),
                new Category("grinders", "Grinders", "Flat and conical burrs, from single dose to hopper."),
                new Category("brewing", "Brewing", "Pour-over, filter and immersion: everything for a clean cup."),
                new Category("accessories", "Accessories", "Tampers, pitchers, scales and care for your machine."),
                new Category("coffee-beans", "Coffee Beans", "Freshly roasted every week in small batches."));
        List<Product> products = List.of(
                // Espresso machines
                Product.builder("barista-pro", "Barista Pro").category("espresso-machines").price("1249.00").stock(12)
                        .description("Dual boiler espresso machine with PID temperature control and a 58 mm group.")
                        .variantLabel("Colour").variant("black", "Black", null).variant("stainless", "Stainless steel", "1299.00")
                        .variant("white", "White", null).featured().build(),
                Product.builder("casa-uno", "Casa Uno").category("espresso-machines").price("449.00").stock(20)
                        .description("Single boiler machine for the first steps into espresso, with a steam wand.")
                        .variantLabel("Colour").variant("red", "Red", null).variant("cream", "Cream", null).featured().build(),
                Product.builder("dual-boiler-db9", "Dual Boiler DB-9").category("espresso-machines").price("2190.00").stock(0)
                        .description("Two boilers, rotary pump and flow control for pulling and steaming at once.").build(),
                Product.builder("lever-classica", "Lever Classica").category("espresso-machines").price("1690.00").stock(3)
                        .description("Spring lever machine with a chrome body: pressure profiling by hand.").build(),
                Product.builder("compact-one", "Compact One").category("espresso-machines").price("329.00").stock(25)
                        .description("Small thermoblock espresso machine that heats up in 30 seconds.").build(),
                Product.builder("heat-exchanger-hx2", "Heat Exchanger HX-2").category("espresso-machines").price("1399.00").stock(7)
                        .description("E61 group heat exchanger machine with a commercial steam wand.").build(),
                Product.builder("travel-handpress", "Travel Handpress").category("espresso-machines").price("89.90").stock(40)
                        .description("Manual espresso maker for camping and travel, no power needed.").build(),
                Product.builder("barista-pro-touch", "Barista Pro Touch").category("espresso-machines").price("1549.00").stock(5)
                        .description("The Barista Pro with a touch screen, shot timer and automatic milk texturing.")
                        .newArrival().featured().build(),
                // Grinders
                Product.builder("flat-burr-64", "Flat Burr 64").category("grinders").price("549.00").stock(9)
                        .description("64 mm flat burr grinder with stepless adjustment for espresso and filter.")
                        .variantLabel("Colour").variant("black", "Black", null).variant("white", "White", null).featured().build(),
                Product.builder("conical-mini", "Conical Mini").category("grinders").price("189.00").stock(30)
                        .description("Compact conical burr grinder with 40 grind settings.").build(),
                Product.builder("trail-hand-grinder", "Trail Hand Grinder").category("grinders").price("129.00").stock(14)
                        .description("Hand grinder with steel burrs and a folding handle.").build(),
                Product.builder("single-dose-sd48", "Single-Dose SD-48").category("grinders").price("399.00").stock(0)
                        .description("Low retention single dose grinder with bellows.").build(),
                Product.builder("commercial-c83", "Commercial Grinder C-83").category("grinders").price("1290.00").stock(2)
                        .description("83 mm flat burrs and an on-demand timer for busy cafés.").build(),
                Product.builder("blade-grinder-basic", "Blade Grinder Basic").category("grinders").price("29.90").stock(50)
                        .description("Simple blade grinder for spices and coarse coffee.").build(),
                // Brewing
                Product.builder("cone-dripper-02", "Cone Dripper 02").category("brewing").price("24.90").stock(60)
                        .description("Pour-over cone with spiral ribs for an even extraction.")
                        .variantLabel("Material").variant("ceramic-white", "White ceramic", null)
                        .variant("glass", "Clear glass", "22.90").variant("copper", "Copper", "49.00").featured().build(),
                Product.builder("gooseneck-kettle", "Gooseneck Kettle").category("brewing").price("79.00").stock(18)
                        .description("Electric pour-over kettle with a precise spout and temperature hold.")
                        .variantLabel("Colour").variant("matte-black", "Matte black", null).variant("white", "White", null).build(),
                Product.builder("filter-brewer-10", "Filter Brewer 10-Cup").category("brewing").price("259.00").stock(8)
                        .description("Batch filter coffee brewer with a copper heating element and glass jug.").featured().build(),
                Product.builder("french-press-1l", "French Press 1 L").category("brewing").price("39.90").stock(22)
                        .description("Double-walled steel French press for immersion brewing.").build(),
                Product.builder("press-brewer-go", "Press Brewer Go").category("brewing").price("44.90").stock(0)
                        .description("Air-pressure brewer for one cup, at home or on the road.").build(),
                Product.builder("cold-brew-tower", "Cold Brew Tower").category("brewing").price("189.00").stock(4)
                        .description("Slow drip tower for cold brew coffee, glass and walnut.").build(),
                Product.builder("paper-filters-02", "Paper Filters 02 (100)").category("brewing").price("6.90").stock(200)
                        .description("100 white paper filters for cone drippers, size 02.").build(),
                // Accessories
                Product.builder("descaling-kit", "Descaling Kit").category("accessories").price("19.90").stock(45)
                        .description("Citric-acid descaler and test strips for two treatments of your espresso machine.").featured().build(),
                Product.builder("tamper-58", "Tamper 58 mm").category("accessories").price("49.00").stock(16)
                        .description("Stainless steel tamper with a walnut handle.").build(),
                Product.builder("milk-pitcher-600", "Milk Pitcher 600 ml").category("accessories").price("24.50").stock(33)
                        .description("Steaming pitcher with a sharp spout for latte art.").build(),
                Product.builder("knock-box", "Knock Box").category("accessories").price("34.90").stock(12)
                        .description("Rubber bar knock box for used espresso pucks.").build(),
                Product.builder("brew-scale", "Brew Scale with Timer").category("accessories").price("59.00").stock(21)
                        .description("0.1 g scale with a built-in timer for espresso and pour-over.").build(),
                Product.builder("cleaning-tablets", "Cleaning Tablets").category("accessories").price("12.90").stock(70)
                        .description("Backflush cleaning tablets for machines with a three-way valve.").build(),
                Product.builder("dosing-funnel", "Dosing Funnel").category("accessories").price("18.00").stock(0)
                        .description("Magnetic dosing funnel that keeps grounds in the basket.").build(),
                Product.builder("barista-cloths", "Barista Cloths (3-pack)").category("accessories").price("9.90").stock(90)
                        .description("Microfibre cloths for the steam wand and the counter.").build(),
                Product.builder("espresso-cups", "Espresso Cups (pair)").category("accessories").price("27.00").stock(26)
                        .description("Thick porcelain cups that keep the crema warm.").build(),
                // Coffee beans
                Product.builder("house-espresso", "House Espresso Blend").category("coffee-beans").stock(120)
                        .description("Chocolate and hazelnut blend of Brazil and Colombia, roasted for espresso.")
                        .variantLabel("Bag size").variant("250g", "250 g", "12.50").variant("1kg", "1 kg", "39.00").featured().build(),
                Product.builder("ethiopia-yirgacheffe", "Ethiopia Yirgacheffe").category("coffee-beans").stock(60)
                        .description("Washed heirloom coffee with jasmine and bergamot, light roast for filter.")
                        .variantLabel("Bag size").variant("250g", "250 g", "15.90").variant("1kg", "1 kg", "52.00").build(),
                Product.builder("colombia-huila", "Colombia Huila").category("coffee-beans").stock(44)
                        .description("Red apple and caramel, medium roast for espresso and filter.")
                        .variantLabel("Bag size").variant("250g", "250 g", "13.90").variant("1kg", "1 kg", "45.00").build(),
                Product.builder("brazil-cerrado", "Brazil Cerrado").category("coffee-beans").price("11.50").stock(80)
                        .description("Nutty and sweet natural coffee, the backbone of a milk drink.").build(),
                Product.builder("decaf-swiss-water", "Decaf Swiss Water").category("coffee-beans").price("14.50").stock(0)
                        .description("Decaffeinated without solvents: cocoa and dried fruit.").build(),
                Product.builder("kenya-aa", "Kenya AA Kirinyaga").category("coffee-beans").price("17.90").stock(25)
                        .description("Blackcurrant and grapefruit, a bright light roast.").newArrival().build());
        return new Catalogue("2026.11", categories, products);
    }
}
