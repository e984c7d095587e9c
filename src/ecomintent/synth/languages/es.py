"""Spanish (es) shopper queries for the ecomintent generator.

Written for shoppers in Spain and Latin America (Mexico, Argentina, Colombia, Chile): tú, usted,
vosotros/ustedes and some voseo; euros and local pesos; Bizum, OXXO, Mercado Pago, PSE, Webpay...

Every slot occurrence draws its own value, so nothing outside a product value may agree with it in
gender or number: the article travels inside the form ("def": "las zapatillas de running"), and
templates use constructions that need no agreement ("el precio {product:del}", "Busco {product:indef}").
"""

import random

CODE = "es"
KEYBOARD = "qwerty"


def _p(base: str, gender: str, plural: bool = False) -> dict:
    """A product noun with the article-bearing forms templates need."""
    if plural:
        art, ind, dem, de = (
            ("los", "unos", "estos", "de los") if gender == "m" else ("las", "unas", "estas", "de las")
        )
    else:
        art, ind, dem, de = ("el", "un", "este", "del") if gender == "m" else ("la", "una", "esta", "de la")
    return {
        "base": base,  # "zapatillas de running"
        "def": f"{art} {base}",  # "las zapatillas de running"
        "indef": f"{ind} {base}",  # "unas zapatillas de running"
        "dem": f"{dem} {base}",  # "estas zapatillas de running"
        "del": f"{de} {base}",  # "de las zapatillas de running"
    }


def _pay(base: str, con: str) -> dict:
    """A payment method: the bare name ("Bizum") and how it follows "pagar" ("con Bizum", "contra reembolso")."""
    return {"base": base, "con": con}


SLOTS = {
    "product": [
        # ropa
        _p("chaqueta vaquera", "f"),
        _p("sudadera con capucha", "f"),
        _p("camiseta básica", "f"),
        _p("vestido de fiesta", "m"),
        _p("abrigo de plumas", "m"),
        _p("vaqueros", "m", True),
        _p("jeans", "m", True),
        _p("playera", "f"),
        _p("remera", "f"),
        _p("polera", "f"),
        _p("chamarra", "f"),
        _p("campera de cuero", "f"),
        _p("bikini", "m"),
        _p("top deportivo", "m"),
        _p("leggings", "m", True),
        _p("pantalón de chándal", "m"),
        _p("pijama", "m"),
        _p("traje de baño", "m"),
        # calzado
        _p("zapatillas de running", "f", True),
        _p("tenis", "m", True),
        _p("botines", "m", True),
        _p("sandalias", "f", True),
        _p("botas de montaña", "f", True),
        _p("chanclas", "f", True),
        # electrónica
        _p("móvil", "m"),
        _p("celular", "m"),
        _p("portátil", "m"),
        _p("auriculares inalámbricos", "m", True),
        _p("audífonos bluetooth", "m", True),
        _p("smartwatch", "m"),
        _p("tablet", "f"),
        _p("televisor 4K", "m"),
        _p("cargador USB-C", "m"),
        _p("funda para el móvil", "f"),
        _p("consola", "f"),
        _p("altavoz bluetooth", "m"),
        _p("parlante portátil", "m"),
        # hogar
        _p("cafetera", "f"),
        _p("freidora de aire", "f"),
        _p("robot aspirador", "m"),
        _p("licuadora", "f"),
        _p("colchón", "m"),
        _p("edredón nórdico", "m"),
        _p("juego de sábanas", "m"),
        _p("lámpara de pie", "f"),
        _p("sartén antiadherente", "f"),
        # belleza
        _p("crema hidratante", "f"),
        _p("perfume", "m"),
        _p("protector solar", "m"),
        _p("base de maquillaje", "f"),
        _p("secador de pelo", "m"),
        _p("plancha de pelo", "f"),
        # deporte y accesorios
        _p("esterilla de yoga", "f"),
        _p("bicicleta estática", "f"),
        _p("mancuernas", "f", True),
        _p("mochila", "f"),
        _p("balón de fútbol", "m"),
        _p("gafas de sol", "f", True),
        _p("lentes de sol", "m", True),
        # juguetes y bebé
        _p("muñeca", "f"),
        _p("juego de mesa", "m"),
        _p("peluche", "m"),
        _p("patinete eléctrico", "m"),
        _p("carriola", "f"),
    ],
    "brand": [
        "Zara",
        "Mango",
        "Pull&Bear",
        "Bershka",
        "Desigual",
        "Nike",
        "Adidas",
        "Puma",
        "Joma",
        "Kelme",
        "Camper",
        "Pikolinos",
        "Samsung",
        "Xiaomi",
        "Apple",
        "Motorola",
        "Lenovo",
        "Sony",
        "Philips",
        "Cecotec",
        "Taurus",
        "Oster",
        "Mabe",
        "L'Oréal",
        "Isdin",
        "Natura",
        "Lego",
        "Quechua",
        "Levi's",
        "Tommy Hilfiger",
    ],
    "color": [
        "negro",
        "blanco",
        "azul marino",
        "rojo",
        "verde oliva",
        "beige",
        "gris",
        "rosa",
        "azul celeste",
        "camel",
        "burdeos",
        "mostaza",
        "plateado",
        "dorado",
        "morado",
        "verde menta",
        "café",
    ],
    "size": [
        "XS",
        "S",
        "M",
        "L",
        "XL",
        "XXL",
        "36",
        "38",
        "40",
        "42",
        "44",
        "42,5",
        "EU 39",
        "36/38",
        "38/40",
        "UK 8",
        "US 10",
        "26.5 MX",
        "85B",
        "90C",
        "12 años",
    ],
    "city": [
        "Madrid",
        "Barcelona",
        "Valencia",
        "Sevilla",
        "Bilbao",
        "Zaragoza",
        "Málaga",
        "Palma",
        "Las Palmas de Gran Canaria",
        "Valladolid",
        "Ciudad de México",
        "Guadalajara",
        "Monterrey",
        "Puebla",
        "Mérida",
        "Buenos Aires",
        "Córdoba",
        "Rosario",
        "Mendoza",
        "Bogotá",
        "Medellín",
        "Cali",
        "Barranquilla",
        "Santiago",
        "Valparaíso",
        "Concepción",
        "Lima",
        "Montevideo",
    ],
    "payment_method": [
        _pay("Bizum", "con Bizum"),
        _pay("PayPal", "con PayPal"),
        _pay("tarjeta de crédito", "con tarjeta de crédito"),
        _pay("tarjeta de débito", "con tarjeta de débito"),
        _pay("Visa", "con Visa"),
        _pay("Mastercard", "con Mastercard"),
        _pay("American Express", "con American Express"),
        _pay("Mercado Pago", "con Mercado Pago"),
        _pay("OXXO", "en OXXO"),
        _pay("transferencia bancaria", "por transferencia bancaria"),
        _pay("contra reembolso", "contra reembolso"),
        _pay("Apple Pay", "con Apple Pay"),
        _pay("Google Pay", "con Google Pay"),
        _pay("Klarna", "con Klarna"),
        _pay("Aplazame", "con Aplazame"),
        _pay("PSE", "por PSE"),
        _pay("Nequi", "con Nequi"),
        _pay("Webpay", "con Webpay"),
        _pay("SPEI", "por SPEI"),
        _pay("efectivo", "en efectivo"),
        _pay("tarjeta regalo", "con tarjeta regalo"),
    ],
    "coupon": [
        "VERANO20",
        "BIENVENIDA10",
        "BF-2026",
        "HOTSALE15",
        "CYBERMONDAY",
        "ENVIOGRATIS",
        "REBAJAS25",
        "PRIMERACOMPRA",
        "BUENFIN2025",
        "NAVIDAD15",
        "APP5",
        "VUELTAALCOLE",
        "CYBERDAY30",
        "DIADELAMADRE",
        "SANVALENTIN",
        "AMIGO10",
    ],
}

_MONTHS = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
_WEEKDAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
_WORDS = ["dos", "tres", "cuatro", "cinco", "seis", "diez", "doce", "quince", "veinte", "cincuenta"]


def _dots(n: int) -> str:
    """Thousands with a dot, as in Spain, Argentina, Colombia and Chile: 25.999."""
    return f"{n:,}".replace(",", ".")


def price(rng: random.Random) -> str:
    """A price as shoppers write it: euros in Spain, pesos in Mexico, Argentina, Colombia and Chile."""
    r = rng.random()
    cents = rng.choice(("99", "95", "90", "00", "50"))
    if r < 0.5:  # euros
        r2 = rng.random()
        e = rng.randint(5, 99) if r2 < 0.6 else rng.randint(100, 499) if r2 < 0.9 else rng.randint(1000, 1899)
        style = rng.randrange(6)
        if style == 0:
            return f"{_dots(e)},{cents} €"
        if style == 1:
            return f"{_dots(e)},{cents}€"
        if style == 2:
            return f"{_dots(e)} €"
        if style == 3:
            return f"{e} euros"
        if style == 4:
            return f"{_dots(e)} EUR"
        return f"{_dots(e)}€"
    if r < 0.65:  # Mexico: comma thousands, dot decimals
        n = rng.choice((rng.randint(149, 999), rng.randint(1000, 24999)))
        style = rng.randrange(4)
        if style == 0:
            return f"${n:,}"
        if style == 1:
            return f"${n:,}.00 MXN"
        if style == 2:
            return f"{n:,} pesos"
        return f"$ {n:,} MXN"
    if r < 0.78:  # Argentina
        n = rng.randint(9, 899) * 1000 + rng.choice((0, 500, 999))
        return rng.choice((f"${_dots(n)}", f"$ {_dots(n)}", f"ARS {_dots(n)}", f"{_dots(n)} pesos"))
    if r < 0.9:  # Colombia
        n = rng.randint(19, 2999) * 1000 + rng.choice((0, 900))
        return rng.choice((f"${_dots(n)}", f"{_dots(n)} COP", f"$ {_dots(n)} pesos", f"COP {_dots(n)}"))
    n = rng.randint(5, 899) * 1000 + 990  # Chile: prices ending in 990
    return rng.choice((f"${_dots(n)}", f"$ {_dots(n)}", f"{_dots(n)} CLP", f"${_dots(n)} CLP"))


def date(rng: random.Random) -> str:
    """A date as written in Spanish: 12/03, 3 de marzo, 12/03/2026, lunes (it follows "el" in templates)."""
    d = rng.randint(1, 28)
    m = rng.randint(1, 12)
    y = rng.choice((2025, 2026))
    style = rng.randrange(8)
    if style == 0:
        return f"{d}/{m}"
    if style == 1:
        return f"{d:02d}/{m:02d}"
    if style == 2:
        return f"{d:02d}/{m:02d}/{y}"
    if style == 3:
        return f"{d} de {_MONTHS[m - 1]}"
    if style == 4:
        return f"{d} de {_MONTHS[m - 1]} de {y}"
    if style == 5:
        return f"{d:02d}-{m:02d}-{y}"
    if style == 6:
        return f"{d}/{m}/{y % 100}"
    return _WEEKDAYS[rng.randrange(7)]


def order_id(rng: random.Random) -> str:
    """An order number as shops and marketplaces print them."""
    style = rng.randrange(8)
    if style == 0:
        return f"#{rng.randint(100000, 999999)}"
    if style == 1:
        return f"{rng.choice(('ES', 'MX', 'AR', 'CO', 'CL'))}-{rng.choice((2025, 2026))}-{rng.randint(10000, 99999)}"
    if style == 2:
        return str(rng.randint(40000000, 49999999))
    if style == 3:
        return f"2000{rng.randint(100000000000, 999999999999)}"  # marketplace-style long number
    if style == 4:
        return f"PED-{rng.randint(1000000, 9999999)}"
    if style == 5:
        return f"{rng.choice(('ES', 'MX', 'CO'))}{rng.randint(1000000, 9999999)}"
    if style == 6:
        return f"#{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rng.randint(10000, 99999)}"
    return f"{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}"


def quantity(rng: random.Random) -> str:
    """A count, in digits or words (templates add "unidades" where it is needed)."""
    if rng.random() < 0.55:
        return str(rng.choice((2, 3, 4, 5, 6, 8, 10, 12, 20, 50)))
    return rng.choice(_WORDS)


ABBREVIATIONS = {
    "que": ["q", "k"],
    "qué": ["q", "k"],
    "porque": ["xq", "pq", "porq"],
    "por": ["x"],
    "por favor": ["porfa", "xfa", "pls", "plis"],
    "favor": ["fvr"],
    "gracias": ["grax", "grs", "grcs"],
    "también": ["tb", "tmb"],
    "saludos": ["salu2", "slds"],
    "mensaje": ["msj", "mje"],
    "número": ["nº", "núm", "n°"],
    "dónde": ["dnd"],
    "cuando": ["cdo"],
    "para": ["pa", "pra"],
    "mañana": ["mñn"],
    "bueno": ["bno"],
    "mucho": ["mxo"],
    "teléfono": ["tlf", "tel", "tfno"],
    "aproximadamente": ["aprox"],
    "información": ["info"],
    "contraseña": ["pass", "contra"],
    "unidades": ["uds", "u."],
    "nada": ["nd"],
    "hola": ["ola", "holi"],
    "de": ["d"],
}

ENGLISH_SWAPS = {
    "chaqueta vaquera": "denim jacket",
    "sudadera con capucha": "hoodie",
    "camiseta básica": "t-shirt",
    "zapatillas de running": "running shoes",
    "tenis": "sneakers",
    "móvil": "smartphone",
    "portátil": "laptop",
    "auriculares inalámbricos": "earbuds",
    "audífonos bluetooth": "headphones",
    "leggings": "leggings",
    "top deportivo": "crop top",
    "robot aspirador": "roomba",
    "freidora de aire": "air fryer",
    "altavoz bluetooth": "speaker",
    "secador de pelo": "hair dryer",
    "base de maquillaje": "foundation",
    "esterilla de yoga": "yoga mat",
    "patinete eléctrico": "scooter",
    "consola": "gaming console",
}

TEMPLATES = {
    "product_search": [
        "{brand} {product} {color}",
        "{product} [{brand} ]talla {size}[ {color}]",
        "{product} (para mujer|de mujer|para hombre|de hombre|para niños|infantil|unisex|para bebé)[ {brand}]",
        "{product} (por menos de|hasta|máximo|que no pase de|menos de) {price}",
        "[Hola, ]busco {product:indef}[ de {brand}][ en {color}], ¿qué (tenéis|tienen|me recomendáis|me recomiendan|me podés mostrar)?",
        "¿(Vendéis|Venden|Manejan|Trabajan|Tienen) (productos|artículos|cosas|algo) de {brand}?",
        "Estoy buscando {product:indef} (para regalar|para un cumpleaños|para mi (madre|pareja|hijo|hija|novio|novia|jefe)|para el día a día) y no sé por dónde empezar",
        "¿Qué (modelos|opciones) de {product} (tenéis|tienen|hay) (por debajo de|por menos de|que no lleguen a) {price}?",
        "¿Me (podés|podrías|puede|podrían) recomendar {product:indef} que no (pase|supere) los {price}?",
        "(Ando buscando|Ocupo|Necesito|Ando viendo) {product:indef}[ de {brand}], ¿qué opciones (tienen|manejan|hay)?",
        "¿Dónde (encuentro|está|veo) la sección de {product} en la (web|app|página)? No la (veo|encuentro)",
        "Quiero ver todo lo que (tengáis|tengan) en {color}[ en talla {size}]",
        "¿(Tienen|Tenéis|Hay) algo de {brand} en (talla|la) {size}?",
        "Hola, buenas. Mi (hermano|hija|pareja|suegra|mejor amiga) cumple años el {date} y busco un regalo tipo {product:indef} o algo parecido. ¿Qué me (sugieren|sugerís|sugerirías) con un presupuesto de [más o menos ]{price}?",
        "Busco (un regalo|algo|un juguete) para (un niño|una niña) de (4|6|8|10) años, ¿qué me (recomendáis|recomiendan|recomendás)?",
        "(Novedades|Nueva colección|Lo último|Lo nuevo) de {brand}[ {product}]",
        "Quisiera ver opciones de {product} en {color}[ de {brand}], si (puede ser|es posible) por debajo de {price}.",
        "¿(Tenéis|Tienen|Venden) {product}? (Busco|Quiero|Necesito) algo (sencillo|que no sea muy caro|de buena calidad|que dure|bonito para regalar)",
        "(Enséñame|Muéstrame|Mostrame) {product} (en {color}|de {brand}|por debajo de {price})",
        "¿Qué {product} (tenéis|tienen|manejan) para (hacer deporte|ir a la oficina|el verano|el invierno|viajar)?",
    ],
    "product_details": [
        "{product} {brand} (medidas|ficha técnica|composición|material|garantía|características|dimensiones|peso)",
        "¿Cuál es (el material|la composición|el acabado) {product:del}[ de {brand}]?",
        "¿Este modelo de {product} (viene con garantía|trae manual en español|es original|es nuevo o reacondicionado|viene con caja)?",
        "¿Este modelo talla (grande|pequeño|normal)? (Normalmente|Siempre|Casi siempre) (uso|llevo) la {size}",
        "¿Sabes si horma (grande|chico)? (Soy talla|Calzo|Uso) {size}",
        "Mido (1,60|1,68|1,75|1,82) y peso (55|65|78|90) (kilos|kg), ¿qué talla (me recomendáis|me recomiendan|me aconsejas|me recomendás) (de la chaqueta|del vestido|de los vaqueros|de la sudadera|del abrigo|de las zapatillas|de los tenis|de la camisa|del pantalón|de la chamarra|de la campera)[ de {brand}]?",
        "¿Cuáles son las medidas exactas {product:del}[ de {brand}]? (Necesito saberlo antes de comprar|Es para calcular el espacio|Las de la ficha no me cuadran)",
        "¿Cuál es el peso {product:del}[ de {brand}]?",
        "¿(Incluye|Trae|Viene con) [el ]cargador o (se compra|hay que comprarlo) aparte?",
        "¿Cuánto (dura|aguanta) la batería con un uso normal?",
        "¿Se puede (lavar en la lavadora|meter en la secadora|planchar|lavar a 40 grados) o es (solo lavado a mano|mejor en seco)?",
        "¿Es 100 % algodón o lleva (poliéster|elastano|alguna mezcla)?",
        "¿Este (cargador|móvil|smartwatch|altavoz|reloj|mando|celular) es compatible con (iPhone|Android|Mac|Alexa|la PS5|el Samsung S23)?",
        "¿De cuánto es la garantía {product:del}[ de {brand}]? (¿Un año?|¿Dos años?|¿Tres años?)",
        "¿Cómo es el tallaje (de la chaqueta|del vestido|de los vaqueros|de la sudadera|del abrigo|de las zapatillas|de los tenis|de la camisa|del pantalón|de la chamarra|de la campera)[ de {brand}]? ¿Normal, grande o pequeño?",
        "¿El color {color} es tal cual se ve en la foto o (es|sale) más (claro|oscuro)?",
        "Hola, antes de comprar {product:def}[ de {brand}] (quería|quisiera|me gustaría) saber (el país de fabricación|el contenido de la caja|la composición exacta|si el tejido es transpirable|el tipo de garantía|el voltaje). Gracias.",
        "¿Qué (resolución|tamaño) tiene la pantalla? ¿Y cuánta (memoria RAM|batería|capacidad) trae?",
        "(Características|Especificaciones|Info) {product:del} {brand}",
        "¿La suela es de goma? ¿Sirve para (correr en asfalto|montaña|caminar mucho)?",
        "Una duda sobre el tallaje: entre la {size} y la siguiente, ¿cuál me queda mejor si tengo (el pie ancho|los hombros anchos|mucho pecho)?",
    ],
    "product_comparison": [
        "(Samsung vs Xiaomi|iPhone vs Samsung|Nike vs Adidas|PS5 vs Xbox|Dyson vs Cecotec|Kindle vs Kobo|Levi's vs Tommy Hilfiger|Oster vs Philips)[, ¿cuál es mejor?]",
        "¿Qué diferencia[s] hay entre el modelo básico y el Pro {product:del}[ de {brand}]?",
        "¿Cuál me (recomendáis|recomiendan|recomendás), {product:def} de {brand} o (la versión Pro|el modelo de gama alta|la versión anterior|el modelo nuevo)?",
        "¿En qué se diferencian estos dos modelos? A simple vista (parecen iguales|no veo la diferencia|son idénticos)",
        "No sé cuál elegir entre los dos que tengo en el carrito, ¿cuál (me conviene más|sale mejor|dura más|es de mejor calidad)?",
        "¿Vale la pena pagar {price} por el modelo Pro o con el normal (me basta|me sobra|me alcanza)?",
        "¿Qué es mejor para (correr|el gimnasio|el día a día|viajar|la oficina|regalar): {product:indef} de {brand} o algo de otra marca?",
        "(comparativa|comparar|diferencias) {product} (gama media|gama alta|calidad precio|{brand})",
        "¿Cuál abriga más, el abrigo de plumas o el de (lana|borreguito)?",
        "Entre el (iPhone 15|Pixel 8|Xiaomi 14|Moto Edge 50) y el Galaxy S24, ¿cuál tiene mejor (cámara|batería|pantalla)?",
        "¿Cuál es la diferencia entre la versión de (64|128) GB y la de (256|512) GB, aparte del almacenamiento?",
        "Che, ¿qué diferencia hay entre el modelo Pro y el Lite? ¿Vale la pena la diferencia de precio?",
        "Estoy mirando {product:def} de {brand} y otra opción más barata, ¿se nota la diferencia en (calidad|durabilidad|acabados)?",
        "Hola, dudo entre dos modelos de {product}. Uno cuesta {price} y el otro casi el doble. ¿Qué tiene el caro que no tenga el barato?",
        "¿Me (explicas|explicás|explica) la diferencia entre la freidora de (3|4) litros y la de (5|6)? No sé cuál (pillar|comprar|agarrar)",
        "¿Qué modelo de {product} me conviene más para (uso diario|principiantes|alguien que viaja mucho|un regalo)? Estoy entre (varios|tres|dos)",
        "{product} {brand} o de marca blanca, ¿cuál (comprarías|elegirías) tú?",
        "¿Es mejor el de algodón o el de (lino|poliéster|bambú)? No sé cuál (escoger|elegir)",
    ],
    "stock_availability": [
        "¿Hay stock {product:del}[ de {brand}]? (Me urge|Es para esta semana|Quiero hacer el pedido hoy)",
        "{product} {brand} talla {size} ¿(hay stock|disponible|queda)?",
        "¿(Os queda|Les queda|Te queda) la talla {size} en {color}?",
        "¿Cuándo vuelve a estar disponible la talla {size}[ en {color}]?",
        "En la (web|app) me sale agotado en {color}, ¿lo (vais a reponer|van a reponer|vuelven a traer)?",
        "¿Me (avisan|avisáis|podés avisar|podrían avisar) cuando vuelva a haber stock[ de la {size}]?",
        "¿(Tenéis|Tienen) {product:def} de {brand} en la tienda de {city}? (Quiero pasar hoy|Me pillaría de camino|Voy esta tarde|Me queda cerca)",
        "Hola, quería saber si (os quedan|les quedan|hay) unidades {product:del} en {color}. En la web pone (que no hay existencias|sin stock|agotado).",
        "Necesito {quantity} unidades {product:del}, ¿(tenéis|tienen) suficiente stock?",
        "¿Les entró mercadería de {brand}? (Busco|Estoy esperando) la talla {size}",
        "¿Todavía (tenéis|tienen) {product:def} en {color} o ya no queda stock?",
        "(stock|disponibilidad) {product} {color} {size}",
        "¿Cuándo os entra otra vez la {size}? Llevo semanas (mirando|esperando)",
        "Lo quiero en talla {size} pero no me deja seleccionarla, ¿está agotada?",
        "¿Hay disponibilidad {product:del}[ de {brand}] en {color}?",
        "(¿Sabéis si vais|¿Saben si van) a reponer {product:def} de la foto de Instagram? En la web ya no encuentro nada",
        "¿Esto está disponible para envío inmediato o es (bajo pedido|sobre pedido|preventa)?",
        "¿Queda alguna unidad en {color}? En la talla {size}, digo",
    ],
    "price_promotions": [
        "precio {product} {brand}[ {size}]",
        "¿Cuál es el precio {product:del}[ de {brand}][ en {color}]?",
        "El (código|cupón) {coupon} no (funciona|me funciona|me lo acepta|sirve|me aplica el descuento), ¿qué pasa?",
        "Me sale (cupón no válido|código caducado|el código no es aplicable) al (meter|poner|ingresar) {coupon}, y según el (email|mail|correo) vale hasta el {date}",
        "¿(Tenéis|Tienen|Hay) algún código de descuento para la primera compra?",
        "¿Cuándo empiezan las rebajas (de verano|de invierno|de enero)?",
        "¿Van a tener descuentos (en el|para el) (Hot Sale|Buen Fin|Black Friday|Cyber Monday|CyberDay)?",
        "¿Bajará el precio {product:del} en el (Black Friday|Prime Day|Hot Sale|Cyber)?",
        "¿Hay descuento para (estudiantes|profesores|jubilados|familias numerosas|personal sanitario)?",
        "Ayer estaba a {price} y hoy (sale|está) más caro, ¿por qué?",
        "¿El precio (incluye IVA|lleva el IVA incluido|es con IVA|es más IVA)?",
        "¿El descuento de {coupon} se aplica también a (los productos rebajados|lo que ya está en oferta|las marcas de fuera)?",
        "¿Hacen (descuento|precio especial) si compro {quantity} unidades o más?",
        "(cupón descuento|código promocional|código descuento|ofertas) {brand}",
        "¿Hay alguna promo vigente? Tengo el ojo puesto en {product:def} de {brand}, pero ando (justo|corto) de presupuesto",
        "¿(Tenéis|Tienen) 2x1 o algún tipo de oferta esta semana?",
        "¿Igualan el precio si lo encuentro más barato en otra tienda?",
        "Buenas, me llegó un correo con un (10|15|20) % de descuento pero no sé dónde se pone el código. ¿Me (ayudan|ayudáis)?",
        "¿A cuánto (queda|sale|se queda) con el descuento aplicado?",
    ],
    "place_order": [
        "Quiero comprar {product:def}[ de {brand}][ en {color}][. ¿Cómo lo hago?]",
        "¿Cómo (hago|se hace) un pedido (por la web|desde la app|online|en la página)?",
        "(añadir|agregar|meter) {product} al carrito",
        "comprar {product} {brand} {size}",
        "Me quedo con (la chaqueta|el vestido|los vaqueros|la sudadera|el abrigo|las zapatillas|los tenis|la camisa|el pantalón|la playera|la remera) en {color}, talla {size}. (¿Cómo sigo?|¿Qué hago ahora?|¿Cómo finalizo la compra?)",
        "¿Puedo hacer el pedido por (teléfono|WhatsApp|Instagram|mensaje directo)?",
        "Ya tengo todo en el carrito, ¿cómo (termino|finalizo|confirmo) la compra?",
        "Quisiera encargar {product:indef} para regalo, ¿se puede (incluir envoltorio|poner una nota|mandar envuelto)?",
        "Quiero (pedir|comprar|encargar) {quantity} unidades {product:del} para mi empresa, ¿cómo (lo tramito|hago el pedido|lo hacemos)?",
        "¿Dónde (le doy|hay que darle|hago clic|le pico) para comprar? No encuentro el botón",
        "(Dame|Pásame|Me das) {product:def} en talla {size}, (porfa|por favor). Quiero comprar ya",
        "Hola, es la primera vez que compro aquí. ¿Me (explicáis|explican|explicás) paso a paso cómo hacer el pedido?",
        "Lo quiero: {product} {brand}, {color}, {size}.",
        "Quiero volver a pedir lo mismo que la última vez, ¿se puede repetir el pedido?",
        "(hacer pedido|quiero hacer un pedido|cómo compro)",
        "¿Puedo comprar {product:def} que (vi|vimos|vio mi hermana) en (vuestro|su) Instagram directamente por aquí?",
        "Quiero llevarme {product:indef} de {brand}. ¿Hago el pedido desde la web o me lo (gestionáis vosotros|gestionan ustedes)?",
        "Me interesa comprar (esto|este modelo|lo que vi en la vitrina), ¿cómo (procedo|lo puedo pedir)?",
    ],
    "payment_methods": [
        "¿(Aceptáis|Aceptan|Admiten|Se puede usar|Tienen) {payment_method}?",
        "¿Se puede pagar {payment_method:con}?",
        "(formas de pago|métodos de pago|medios de pago)",
        "(pago|pagar) {payment_method:con}[, ¿se puede?]",
        "¿(Tienen|Manejan|Hay) meses sin intereses con (BBVA|Banorte|Citibanamex|Santander|cualquier tarjeta)?",
        "¿Se puede pagar (a plazos|en cuotas|a cuotas|en cuotas sin interés|financiado|en tres veces)?",
        "¿Puedo pagar (al recibir el paquete|cuando me llegue|en la entrega)?",
        "¿Qué tarjetas (aceptáis|aceptan)? ¿(Vale|Sirve) American Express?",
        "¿Puedo pagar una parte con la tarjeta regalo y el resto {payment_method:con}?",
        "Quiero comprar {product:indef} pero no tengo tarjeta, ¿qué otras (formas|opciones) de pago hay?",
        "¿Aceptan tarjetas (extranjeras|internacionales|de otro país)?",
        "¿Cómo funciona el pago {payment_method:con}?",
        "¿El pago contra reembolso tiene (recargo|algún costo adicional|comisión)?",
        "(Estoy en|Vivo en|Compro desde) {city}, ¿qué medios de pago tengo disponibles?",
        "¿Aceptan (PSE|Nequi|Daviplata|Webpay|Mercado Pago) o solo tarjeta de crédito?",
        "Hola, quería saber si puedo pagar {payment_method:con} o si solo (aceptáis|aceptan) tarjeta. Es que no me gusta meter los datos de la tarjeta en internet.",
        "¿Puedo pagar en efectivo en (OXXO|7-Eleven|Rapipago|Pago Fácil|Efecty|Servipag)?",
        "¿Se puede pagar con Bizum o solo con tarjeta y PayPal?",
    ],
    "payment_problem": [
        "Me rechaza la tarjeta (al pagar|en el último paso|todo el rato|cada vez que lo intento)",
        "pago rechazado[ {payment_method}]",
        "error al pagar {payment_method:con}",
        "Me (han cobrado|cobraron|habéis cobrado) dos veces el pedido {order_id}",
        "El pago {payment_method:con} me da error[ y no sé por qué]",
        "La página de pago se queda (cargando|en blanco|colgada) y no (termina nunca|avanza)",
        "Pagué {payment_method:con} y el pedido sigue (como pendiente de pago|sin confirmar)",
        "Intenté pagar {price} y me sale (transacción denegada|operación rechazada|error 500|pago no autorizado|tarjeta no válida)",
        "No me llega el código del banco para confirmar el pago, así que no puedo terminar la compra",
        "Se me (descontó|cobró) el dinero (de la cuenta|de la tarjeta) pero la web dice que el pago falló",
        "Generé la referencia de OXXO, pagué el {date} y sigue sin reflejarse el pago",
        "El Bizum no me funciona en (vuestra|su) web, (le doy a pagar|acepto en la app del banco) y no pasa nada",
        "Me aparece un cargo de {price} de (vuestra|su) tienda que no reconozco",
        "No puedo finalizar la compra, el botón de pagar no hace nada",
        "La tarjeta funciona en todos lados menos aquí. ¿Qué pasa con (vuestra|su) pasarela de pago?",
        "Mercado Pago me dice (pago rechazado|que no se pudo procesar el pago) y no entiendo por qué",
        "Buenas tardes, ayer intenté comprar y me cobraron {price} dos veces en la tarjeta, pero solo tengo un pedido: el {order_id}. ¿Qué ha pasado?",
        "PayPal me devuelve a la tienda con un error y no se completa el pago",
    ],
    "order_status": [
        "¿Dónde está mi pedido[ {order_id}]?",
        "(estado|estado del) pedido {order_id}",
        "seguimiento (envío|pedido|paquete)[ {order_id}]",
        "Hice un pedido el {date} y todavía no me ha llegado, ¿me (podéis|pueden|podrían) decir cómo va?",
        "¿Ya (salió|enviaron|despacharon|mandaron) mi pedido?",
        "¿Para cuándo (tengo|recibo) {product:def} que pedí el {date}?",
        "El (tracking|seguimiento|número de guía) no se actualiza desde hace días, ¿(sabéis|saben) algo?",
        "Pone (en reparto|en camino|entregado) desde (ayer|el {date}) pero no ha venido nadie, ¿dónde está el paquete?",
        "¿En qué estado está mi compra? (Número|Pedido nº|Es el) {order_id}",
        "¿Me (pasas|pasan|pasás) el (número de seguimiento|número de guía|tracking) del pedido {order_id}?",
        "¿Mi pedido ya está en camino o sigue en preparación?",
        "Compré el {date} con envío (exprés|urgente|express), ¿me (confirman|confirmáis) si ya salió?",
        "Che, ¿me decís por dónde anda mi pedido? Lo hice hace (una semana|unos días|diez días)",
        "(Buenas tardes|Buenos días|Hola). Quisiera saber el estado de mi pedido nº {order_id}, realizado el {date}. Muchas gracias.",
        "¿Por qué mi pedido sigue (pendiente de envío|en preparación|en procesamiento) después de (tres días|una semana|cinco días)?",
        "¿Cuándo llega mi paquete? No me ha llegado ningún (correo|SMS|mensaje) con el seguimiento",
        "¿Sabéis algo de mi envío? Lo estoy esperando para (el fin de semana|un cumpleaños|el {date})",
    ],
    "cancel_order": [
        "Quiero cancelar mi pedido[ {order_id}]",
        "(cancelar|anular) pedido[ {order_id}]",
        "anular (compra|mi compra) {order_id}",
        "Me equivoqué al hacer el pedido, ¿lo puedo (anular|cancelar) antes de que lo (envíen|enviéis|manden)?",
        "Todavía no ha salido, ¿(podéis|pueden|podrían) cancelarlo, por favor?",
        "Ya no lo necesito, (cancelen|cancelad) la compra[ por favor]",
        "Hice el pedido hace (una hora|un rato|diez minutos) y quiero (anularlo|cancelarlo|echarme atrás), ¿se puede?",
        "¿Cómo cancelo un pedido desde (la app|la web|mi cuenta)?",
        "Pedí {product:def} por error y aún no ha salido el pedido. Quiero cancelarlo",
        "Compré dos veces lo mismo sin querer, (anulen|anulad|cancelen) uno de los pedidos, por favor",
        "Encontré {product:def} a mejor precio en otro sitio, así que quiero cancelar el pedido antes de que (salga|lo envíen)",
        "Por favor, (detengan|paren|frenen) el envío del pedido {order_id}, ya no lo quiero",
        "Cancelar pedido {order_id} urgente, todavía está (en preparación|pendiente de envío)",
        "Quisiera dar de baja el pedido que hice el {date}, aún figura como no enviado",
        "¿Todavía estoy a tiempo de (cancelar|anular)? Pedido {order_id}",
        "Hola, hice una compra el {date} y me arrepentí. Como todavía no la han despachado, ¿me la (pueden|podrían) cancelar?",
        "No quiero seguir con el pedido {order_id}, (anuladlo|anúlenlo|cancelalo) antes de que lo manden",
    ],
    "change_order": [
        "Quiero cambiar la talla del pedido que acabo de hacer a la {size}",
        "¿Puedo modificar mi pedido? Me equivoqué de color, lo quería en {color}",
        "(añadir|agregar) un producto a mi pedido {order_id}",
        "cambiar (cantidad|talla|color) pedido {order_id}",
        "¿Puedo (agregar|añadir|sumar) {product:indef} al pedido que hice (hoy|esta mañana|anoche)?",
        "Pedí la talla {size} pero necesito otra, ¿(pueden|podéis) cambiarla antes de enviarlo?",
        "Quiero quitar un artículo de mi pedido, lo demás lo mantengo",
        "Me confundí de color en el pedido {order_id}, ¿me (cambiás|cambias|cambian) el color antes de que salga?",
        "¿Todavía puedo (editar|modificar|tocar) el pedido? Quiero cambiar una cosa",
        "En el pedido puse una unidad y quería {quantity}, ¿se puede corregir sin hacer otro pedido?",
        "Hola, en el pedido {order_id} pedí {product:def} de {brand}. ¿(Pueden|Podéis) cambiar ese artículo por el modelo superior sin cancelar todo el pedido?",
        "modificar pedido {order_id}",
        "Me falta añadir algo a la compra que acabo de hacer, ¿se puede (meter|sumar|agregar) en el mismo envío?",
        "¿Se pueden juntar mis dos pedidos en uno solo? Aún no han salido",
        "Quiero cambiar (la chaqueta|el vestido|los vaqueros|la sudadera|el abrigo|las zapatillas|los tenis|la camisa|el pantalón|la playera|la remera) de mi pedido por la talla {size}; todavía pone (en preparación|pendiente de envío)",
        "cambiar la cantidad a {quantity} en mi pedido[ {order_id}]",
    ],
    "change_shipping_address": [
        "Quiero cambiar la dirección de entrega de mi pedido[ {order_id}]",
        "cambiar dirección (envío|entrega) pedido[ {order_id}]",
        "Me he mudado, ¿(podéis|pueden) enviar el pedido que hice el {date} a otra dirección?",
        "Puse mal el (número de piso|número de la calle|portal|número exterior) en la dirección del pedido, ¿se puede corregir?",
        "¿Me lo (pueden|podéis) mandar a la oficina en vez de a mi casa? Es el pedido {order_id}",
        "Me equivoqué de código postal en el pedido {order_id}[, ¿lo podéis arreglar?]",
        "Necesito que el paquete vaya a {city} y no a la dirección que puse al comprar",
        "¿Se puede cambiar el domicilio de entrega si el pedido ya salió?",
        "¿Puedo cambiar la entrega de mi pedido a un punto de recogida en vez de a mi casa?",
        "Mi colonia está mal escrita en la dirección de envío, ¿la pueden corregir?",
        "Hola, hice una compra el {date} y me acabo de dar cuenta de que puse la dirección vieja. ¿La (pueden|podéis) actualizar antes del envío?",
        "¿Puedo cambiar el envío a la casa de mi (mamá|vieja|madre|hermana)? Es en {city}",
        "dirección incorrecta en el pedido, (ayuda|urgente|¿qué hago?)",
        "Por favor modifiquen la dirección del pedido {order_id}. La nueva es (Calle Mayor 12, 3.º B|Av. Insurgentes Sur 1450, depto. 8|Carrera 15 # 93-60|Av. Corrientes 2300, 4.º A)",
        "No voy a estar en casa esta semana, ¿puedo (redirigir|desviar) mi paquete a otra dirección?",
    ],
    "delivery_options": [
        "¿Cuánto (cuesta|sale|vale) el envío a {city}?",
        "¿Cuántos días (tarda|demora) en llegar un pedido a {city}?",
        "(gastos de envío|costo de envío|envío gratis|tiempo de entrega) {city}",
        "envío gratis a partir de (cuánto|qué importe)",
        "¿(Hacéis envíos|Envían|Mandan|Hacen envíos) a (Canarias|Baleares|todo México|Uruguay|la Patagonia|regiones|Ceuta)?",
        "¿(Tenéis|Tienen) envío (exprés|en el día|en 24 horas|urgente|same day)?",
        "¿Se puede (recoger en tienda|retirar en sucursal|pasar a buscar por el local)?",
        "Si hago hoy el pedido {product:del}, ¿llegaría antes del {date}?",
        "¿Con qué (paquetería|empresa de transporte|mensajería) (envían|trabajan)? ¿(DHL|Estafeta|FedEx|Correos|SEUR|MRW)?",
        "¿Envían por (Correo Argentino|Andreani|OCA) o hay que retirar en sucursal?",
        "¿(Trabajan con|Hacen envíos por) (Servientrega|Coordinadora|Interrapidísimo|Chilexpress|Starken)?",
        "¿Hay envío gratis a partir de {price}?",
        "¿Hacen entregas los (sábados|domingos|festivos)?",
        "¿Hacen envíos internacionales? (Estoy en Estados Unidos|Vivo en Francia|Estoy en Perú)",
        "Vivo en un pueblo cerca de {city}, ¿llegan hasta allí?",
        "¿Puedo elegir el día y la franja horaria de la entrega?",
        "Quiero comprar {product:indef} de {brand}, pero antes quiero saber cuánto sería el envío a {city} y cuánto tarda",
        "¿Tienen puntos de recogida o lockers (Amazon|InPost|Citibox)? Nunca estoy en casa cuando pasan",
    ],
    "return_item": [
        "Quiero devolver {product:def} que compré[ el {date}]",
        "devolución {product}",
        "etiqueta de devolución[ pedido {order_id}]",
        "¿Cómo (funcionan las devoluciones|es el proceso de devolución|hago una devolución|se devuelve algo)?",
        "¿Cuál es (vuestra|su) política de devoluciones?",
        "No me queda bien la talla {size}, ¿cómo hago para (devolverlo|mandarlo de vuelta)?",
        "¿Cuántos días tengo para devolver (algo|un producto|un artículo)?",
        "Recibí {product:def} con un defecto, ¿cómo (lo mando de vuelta|gestiono la devolución)?",
        "¿La devolución es gratis o tengo que pagar yo el envío?",
        "¿Puedo devolverlo en una tienda física de {city}?",
        "No me (gustó|convenció) cómo queda, quisiera devolverlo. Pedido {order_id}",
        "¿Me (podéis|pueden) mandar la etiqueta para devolver el pedido {order_id}?",
        "Ya me llegó el pedido pero la talla {size} me queda (chica|pequeña|grande), ¿tengo que enviarlo de vuelta para cambiarla por otra?",
        "¿(Aceptáis|Aceptan) devoluciones de productos en oferta?",
        "Recibí el pedido el {date} y lo que llegó no tiene nada que ver con la foto. ¿Cómo gestiono la devolución?",
        "¿Dónde dejo el paquete para la devolución? ¿Vale cualquier oficina de (Correos|correo|Estafeta)?",
        "Compré un regalo y no le gustó, ¿puedo devolverlo sin ticket?",
        "No me convence, ¿qué hago para mandarlo de regreso?",
    ],
    "refund_request": [
        "Quiero que me devuelvan el dinero del pedido {order_id}",
        "(reembolso|devolución del dinero) pedido {order_id}",
        "Solicito el reembolso de {price}, el artículo llegó dañado",
        "Recibí {product:def} en mal estado y quiero mi dinero de vuelta",
        "(Me cobraron {price} de más, devuélvanme la diferencia|Me habéis cobrado {price} de más, devolvedme la diferencia|Me han cobrado {price} de más, ¿me devolvéis la diferencia?)",
        "No quiero cambio ni vale, quiero que me (reembolsen|devuelvan el dinero)",
        "¿Me (pueden|podéis) devolver el dinero en vez de darme un (cupón|vale|saldo en la tienda)?",
        "El pedido nunca llegó. (Exijo|Quiero) que me devuelvan lo que pagué.",
        "¿Cómo (solicito|pido|tramito) un reembolso?",
        "Pido la devolución del importe a mi tarjeta, por favor",
        "Faltaba un artículo en el paquete, quiero que me (reembolsen|devuelvan) esa parte",
        "Me llegó (otro producto|un producto distinto|otra cosa), no quiero que me lo cambien: quiero el reembolso",
        "Hola, compré {product:def} el {date} por {price} y al día siguiente bajó de precio. ¿Me (podéis|pueden) devolver la diferencia?",
        "Quiero la plata de vuelta, el producto no sirve",
        "Me cobraron el envío aunque tenía envío gratis, ¿me lo (reembolsan|devuelven)?",
        "Después de tanto esperar ya no lo quiero: (devuélvanme|devolvedme) el dinero del pedido {order_id}, por favor",
        "Quiero que me reintegren el pago[ de {price}]",
    ],
    "refund_status": [
        "Devolví el pedido hace (dos semanas|diez días|un mes) y aún no me ha llegado el dinero",
        "(estado|estado del) reembolso[ {order_id}]",
        "¿Cuándo me devuelven el dinero? Envié el paquete de vuelta el {date}",
        "Me dijeron que el reembolso estaba aprobado, ¿cuánto tarda en (reflejarse|verse) en la tarjeta?",
        "¿Ya (procesaron|habéis procesado|han procesado) mi reembolso?",
        "Sigo esperando los {price} de la devolución",
        "¿Recibieron ya el paquete que devolví? Quiero saber cuándo me (reembolsan|devuelven la plata)",
        "(Pasaron|Ya pasaron|Han pasado) (10|15|20) días hábiles y el reembolso no aparece en mi cuenta",
        "Che, ¿en cuánto tiempo se acredita la devolución en Mercado Pago? Ya la aprobaron",
        "¿Me (confirman|confirmáis) si el reembolso del pedido {order_id} ya está hecho?",
        "La devolución figura como recibida desde el {date}, pero del dinero nada. ¿Qué pasa?",
        "¿Cuántos días tarda en llegar el reembolso una vez aprobado?",
        "(Cancelaron|Cancelasteis) mi pedido y todavía no veo el dinero, ¿cuándo me lo devuelven?",
        "reembolso no (recibido|llega) pedido {order_id}",
        "Buenos días, el {date} me confirmaron por correo el reembolso de {price}, pero en el banco no me aparece nada. ¿Podrían revisarlo?",
        "¿Cómo va lo de mi reembolso? Ya mandé todo hace días",
    ],
    "invoice": [
        "Necesito la factura del pedido {order_id}",
        "factura (pedido|compra) {order_id}",
        "factura con (NIF|CIF|RFC|NIT|RUT|CUIT)",
        "(¿Me podéis hacer la factura a nombre de mi empresa? Os paso el CIF|¿Me pueden hacer la factura a nombre de mi empresa? Les paso el RFC|¿Me hacés la factura a nombre de la empresa? Te paso el CUIT)",
        "La factura sale con el nombre mal escrito, ¿me la (pueden|podéis) corregir?",
        "¿Dónde (descargo|encuentro) la factura de mi compra?",
        "¿Cómo solicito la factura CFDI? Necesito facturar con mi RFC",
        "¿Emiten factura A? Soy responsable inscripto",
        "Necesito factura electrónica con NIT para la empresa, no la de consumidor final",
        "¿Me pueden hacer factura en vez de boleta? Tengo RUT de empresa",
        "¿Me (mandáis|mandan) el ticket de compra? Lo perdí",
        "Hola, compré el {date} por {price} y necesito el comprobante para presentarlo en el trabajo.",
        "En la factura no aparece el IVA desglosado, ¿la (pueden|podéis) rehacer?",
        "¿Pueden volver a emitir la factura con otra dirección fiscal?",
        "(recibo|comprobante) de pago pedido {order_id}",
        "La factura no me llegó al correo, ¿me la (reenvían|reenviáis|reenviás)?",
    ],
    "create_account": [
        "Quiero crear una cuenta",
        "(registrarse|registro|crear cuenta nueva|alta de cliente|crear usuario)",
        "¿Hace falta registrarse para comprar?",
        "¿Cómo me doy de alta en la (web|tienda|app)?",
        "¿Puedo registrarme con mi cuenta de (Google|Apple|Facebook)?",
        "¿Qué ventajas tiene tener cuenta con (vosotros|ustedes)?",
        "Quiero abrir una cuenta de empresa para comprar al por mayor",
        "¿Me (pueden|podéis) crear una cuenta con este correo?",
        "Soy (nuevo|nueva)[ por aquí], ¿cómo me registro?",
        "¿Es obligatorio crear una cuenta o puedo comprar como invitado?",
        "Hola, nunca he comprado con ustedes y quiero hacerme una cuenta para guardar mis direcciones",
        "¿El registro es gratis?",
        "Quiero registrarme para acumular puntos en mis compras, ¿dónde está el formulario?",
        "¿Cómo hago para abrirme una cuenta desde el (celular|móvil)?",
        "No tengo cuenta todavía. ¿Qué datos me piden para registrarme?",
    ],
    "login_help": [
        "No puedo (iniciar sesión|entrar|acceder)[ a mi cuenta]",
        "(olvidé|se me olvidó|no recuerdo) mi contraseña",
        "No me llega el (correo|mail|email) para restablecer la contraseña",
        "Mi cuenta está bloqueada[, ¿qué hago?]",
        "Me dice que la contraseña es incorrecta pero estoy (seguro|segura) de que es esa",
        "No me llega el código de verificación por (SMS|correo|WhatsApp) para entrar",
        "¿Cómo recupero mi cuenta? Ya no tengo acceso a ese correo",
        "La app me cierra la sesión y no me deja volver a entrar",
        "No puedo entrar con (Google|Apple|Facebook), se queda (en blanco|cargando)",
        "Intenté entrar varias veces y ahora me (bloquea|sale que espere 30 minutos)",
        "El enlace para cambiar la contraseña dice que ha (caducado|expirado)",
        "no me deja (loguearme|iniciar sesión)",
        "Hola, desde (ayer|el {date}) no puedo acceder a mi cuenta, me sale usuario no encontrado y tengo pedidos ahí",
        "¿Me (pueden|podéis) resetear la clave? No me acuerdo",
        "problema para entrar a mi cuenta",
        "Cada vez que pongo mi correo y mi contraseña vuelve a la página de inicio, no hay manera de entrar",
    ],
    "edit_account": [
        "Quiero cambiar el correo de mi cuenta",
        "cambiar (teléfono|email|nombre|dirección guardada) (cuenta|perfil)",
        "¿Cómo actualizo mi número de teléfono en el perfil?",
        "Estoy dentro de mi cuenta y quiero cambiar la contraseña, ¿dónde se hace?",
        "¿Cómo borro una dirección guardada que ya no uso?",
        "Me casé y quiero cambiar el apellido en mi perfil",
        "Mi nombre está mal escrito en la cuenta, ¿cómo lo corrijo?",
        "Quiero (añadir|agregar) una nueva dirección a mi cuenta para próximas compras",
        "¿Puedo cambiar el idioma de la cuenta a español?",
        "¿Cómo cambio la tarjeta guardada en mi cuenta?",
        "Quiero poner otra dirección como predeterminada[ en mi perfil]",
        "¿Se puede cambiar el nombre de usuario?",
        "Hola, estoy (logueado|logueada) pero no encuentro dónde se modifican los datos personales",
        "Quiero activar la verificación en dos pasos en mi cuenta",
        "(actualizar|modificar|editar) (datos de mi cuenta|mis datos|mi perfil)",
        "Cambié de número de (celular|móvil), ¿cómo lo actualizo en mi cuenta para que me lleguen los avisos?",
    ],
    "delete_account": [
        "Quiero (eliminar|borrar|cerrar) mi cuenta",
        "(borrar|eliminar|cerrar) cuenta",
        "¿Cómo borro todos mis datos personales de (vuestra|su) web?",
        "Quiero ejercer mi derecho de supresión según el RGPD",
        "Quiero ejercer mis derechos ARCO y que eliminen mis datos",
        "Ya no voy a comprar más aquí, (cierren|cerrad) mi cuenta",
        "¿Se puede cerrar la cuenta (definitivamente|para siempre)?",
        "No quiero solo dejar de recibir correos, quiero borrar la cuenta entera",
        "Eliminen mi perfil y toda mi información, por favor",
        "Tengo dos cuentas y quiero (borrar|eliminar) una",
        "Si elimino la cuenta, ¿pierdo el historial de pedidos?",
        "Hola, les escribo para solicitar la baja definitiva de mi cuenta asociada a este correo.",
        "No encuentro la opción de (eliminar|borrar) cuenta en la (app|web)",
        "dar de baja mi cuenta",
        "¿Me podéis borrar la cuenta? No quiero que guardéis mis datos",
    ],
    "complaint": [
        "Es una vergüenza, llevo (dos semanas|un mes|diez días) esperando el pedido {order_id}",
        "Recibí {product:def} y la caja venía destrozada. Muy mal.",
        "(Pésima|Fatal|Malísima) atención al cliente",
        "Me llegó un producto que no es el que pedí, (qué desastre|vaya desastre|no puede ser)",
        "La calidad {product:del}[ de {brand}] deja mucho que desear",
        "El repartidor fue (muy maleducado|un grosero|un borde) conmigo",
        "Nadie responde a mis correos, estoy (harto|harta)",
        "Es la tercera vez que me pasa algo así con (vosotros|ustedes)",
        "Qué mal servicio, el paquete llegó (abierto y mojado|aplastado|roto por fuera)",
        "No es normal que un pedido tarde un mes en llegar",
        "Compré {product:indef} y a la semana ya tuve problemas. (Una estafa|Vaya timo|Qué decepción).",
        "Llevo una hora en el chat dando vueltas y nadie me soluciona nada",
        "El personal de la tienda de {city} fue (muy borde|muy grosero|súper desagradable) conmigo",
        "Me prometieron la entrega el {date} y nada. Un desastre de servicio.",
        "Nunca más compro aquí",
        "Che, qué bajón, el pedido vino incompleto y encima tarde",
        "queja (artículo dañado|producto defectuoso|pedido incompleto)[, (nº|número) {order_id}]",
        "Estoy muy (decepcionado|decepcionada): pagué {price} por {product:indef} y la calidad es de mercadillo. No es lo que anunciáis.",
    ],
    "human_agent": [
        "Quiero hablar con una persona[ de verdad]",
        "(agente humano|operador|asesor|persona real)[ por favor]",
        "¿Hay algún número de teléfono para llamar?",
        "(Pásame|Pasame|Páseme) con alguien de atención al cliente",
        "No quiero hablar con un (bot|robot|asistente virtual)",
        "¿Me (comunica|comunicas) con un asesor, por favor?",
        "¿(Tenéis|Tienen) chat en vivo con personas reales?",
        "Esto no me sirve, necesito que me atienda alguien de verdad",
        "¿Cuál es el WhatsApp de atención al cliente?",
        "Quiero hablar con (un encargado|el gerente|un supervisor)",
        "Llevo un rato con el asistente virtual y no me entiende. ¿Me (pasan|pasáis) con un humano?",
        "¿A qué hora atiende el servicio de atención telefónica?",
        "Necesito hablar con alguien sobre mi pedido {order_id}, no con una máquina",
        "¿Me puede llamar alguien? (Prefiero explicarlo por teléfono|Es más fácil hablando)",
        "Ponme con un humano ya, por favor",
    ],
    "product_feedback": [
        "Quiero dejar una reseña {product:del} que compré",
        "¿Dónde puedo (valorar|opinar sobre|reseñar) un producto?",
        "{product:def} de {brand}, una maravilla. 10/10",
        "(5 estrellas|cinco estrellas|reseña {product}|opinión {product} {brand})",
        "Sugerencia: (deberían|deberíais) poner más fotos de la ropa puesta",
        "Solo quería decir que el servicio ha sido excelente, ¡gracias!",
        "La calidad {product:del} es buena, pero (el envío tardó bastante|el color no es igual que en la foto|el embalaje era excesivo). Lo comento para que lo sepan",
        "Estaría bien que la web tuviera filtro por (color|talla|precio|marca)",
        "(Os doy|Les doy) un 10: llegó rapidísimo y todo perfecto",
        "Quería felicitar (a la chica|al chico|a la dependienta) de la tienda de {city}, súper amable",
        "¿Puedo subir fotos en mi (valoración|reseña|opinión)?",
        "Les recomiendo que (agreguen|añadan) más tallas grandes",
        "Opinión sobre {product:def} de {brand}: buena relación calidad-precio, aunque el {color} es más oscuro que en la foto",
        "Compré {product:indef} hace un mes y estoy (encantado|encantada). 100 % recomendable",
        "Me llegó un correo para valorar mi compra {order_id} pero el enlace no abre, ¿dónde dejo mi opinión?",
    ],
    "newsletter": [
        "Quiero (suscribirme|apuntarme) a la newsletter",
        "darme de baja (de la newsletter|del boletín|de los correos promocionales)",
        "No quiero recibir más correos de publicidad",
        "¿Cómo dejo de recibir (SMS promocionales|mensajes de ofertas)?",
        "(quitar|desactivar) notificaciones push",
        "¿Me apunto al boletín y me (dais|dan) el descuento de bienvenida?",
        "Me llegan demasiados (mails|correos) de ofertas, ¿puedo recibir menos?",
        "Ya me di de baja y siguen llegando correos",
        "Quiero recibir avisos de las ofertas por WhatsApp",
        "¿Cómo me suscribo para enterarme de las novedades de {brand}?",
        "Dejen de mandarme mensajes, no quiero publicidad",
        "Quiero darme de baja de los correos pero sin borrar mi cuenta",
        "No encuentro el enlace para (desuscribirme|darme de baja)",
        "suscribir mi correo al boletín",
        "Hola, me suscribí al newsletter hace días y no me ha llegado nada, ni el correo de confirmación. ¿Estoy (apuntado|apuntada)?",
    ],
    "out_of_scope": [
        "¿Qué tiempo (hace|va a hacer) en {city}[ mañana]?",
        "clima en {city}[ este finde]",
        "(Cuéntame|Contame|Dime) un chiste",
        "¿Cómo arreglo este error de Python: (IndexError: list index out of range|KeyError|TypeError)?",
        "¿Me ayudas con una consulta SQL que no me funciona?",
        "¿Qué (opinas|piensas) del (presidente|gobierno)? ¿A quién votarías?",
        "¿Cuánto es (15 por 23|la raíz cuadrada de 144|el 20 % de 80)?",
        "Ayúdame con la tarea de matemáticas: resolver 2x + 5 = 17",
        "(Hola|Buenas|Holaa|Buenos días)",
        "(Gracias|Muchas gracias|Vale, gracias|Ok gracias)",
        "¿Cómo estás? ¿Qué tal tu día?",
        "¿Cómo se hace (una tortilla de patatas|el guacamole|unas arepas|unas empanadas)?",
        "¿Cómo quedó el (Real Madrid|Barça|Boca|América|Colo-Colo|Atlético Nacional) anoche?",
        "¿Qué puedo visitar en {city} en un fin de semana?",
        "vuelos baratos a (Cancún|Cartagena|Bariloche|Tenerife|Punta Cana)",
        "Me duele la cabeza desde ayer, ¿qué me tomo?",
        "¿Cuál es la capital de (Australia|Canadá|Nueva Zelanda)?",
        "¿Quién escribió (Cien años de soledad|Don Quijote|Rayuela)?",
        "Escríbeme un poema sobre {product:def}",
        "Escribe un cuento corto cuyo protagonista sea {product:indef}",
        "(Hazme|Escríbeme) una canción de cumpleaños para mi (abuela|jefe|novia)",
        "¿Cómo se dice zapatilla en inglés?",
        "¿Eres capaz de traducirme este texto al francés?",
        "¿A qué hora juega (la selección|Argentina|México|España) el {date}?",
        "¿Qué serie me (recomiendas|recomendás) para ver (este finde|en Netflix|esta noche)?",
        "(Explícame|Explicame) qué es (la inflación|un agujero negro|la fotosíntesis) en pocas palabras",
        "¿Cuántos habitantes tiene {city}?",
        "¿Qué signo del zodiaco es alguien nacido (el 3 de marzo|el 21 de julio|a finales de octubre)?",
    ],
}
