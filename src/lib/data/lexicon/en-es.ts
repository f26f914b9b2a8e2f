// English-Spanish word list for the sentence aligner: common word pairs, one English word a
// line followed by its usual Spanish translations (lemmas; the aligner matches inflected
// forms). Written for Puente from general knowledge of both languages, not copied from any
// dictionary, so it ships under the project's MIT license. Irregular forms are listed as
// their own lines where the stem rules cannot reach them (went → fue, said → dijo).
export const EN_ES_LEXICON = `
# function words and pronouns
the el la los las lo
a un una
an un una
and y e
or o u
but pero sino
not no
no no ningun ninguno ninguna
nor ni
if si
then entonces luego
because porque pues
so asi tan
than que
that que ese esa eso aquel aquella
this este esta esto
these estos estas
those esos esas aquellos aquellas
which cual cuales que
who quien quienes
whom quien
whose cuyo cuya
what que lo_que
when cuando
where donde
why por_que porque
how como
all todo toda todos todas
every cada todo
each cada
some algunos algunas alguno
any alguno cualquier ningun
many muchos muchas
much mucho mucha
more mas
most mas mayoria
less menos
few pocos pocas
other otro otra otros
another otro otra
same mismo misma
such tal tales
own propio propia
only solo solamente unico
also tambien
too tambien demasiado
very muy
even aun incluso
still todavia aun
already ya
now ahora ya
again otra_vez nuevamente
always siempre
never nunca jamas
often a_menudo
here aqui aca
there alli alla ahi
i yo
me me mi
my mi mis
mine mio mia
you tu usted ustedes vosotros te os
your tu tus su vuestro
he el
him lo le el
his su sus suyo
she ella
her la le su sus ella
it lo la ello
its su sus
we nosotros
us nos nosotros
our nuestro nuestra nuestros
they ellos ellas
them los las les ellos
their su sus
myself mismo
himself mismo si
themselves mismos si
of de del
to a hacia para
in en dentro
into en dentro
on en sobre
upon sobre
at en a
by por
for para por
from de desde
with con
without sin
about sobre acerca
against contra
between entre
among entre
through por traves
during durante
before antes ante
after despues tras
under bajo debajo
over sobre encima
above arriba encima sobre
below abajo debajo
around alrededor
near cerca
until hasta
till hasta
since desde
toward hacia
towards hacia
behind detras
beside junto
within dentro
up arriba
down abajo
out fuera
off fuera
yes si
# be, have, do, modals
be ser estar
is es esta
are son estan
was era fue estaba
were eran fueron estaban
been sido estado
being siendo
am soy estoy
have tener haber
has tiene ha
had tenia habia tuvo
do hacer
does hace
did hizo
done hecho
will sera
would seria
shall sera
can poder puede
could podia pudo podria
may poder puede
might podria
must deber debe
should deberia debe
# common verbs
say decir
said dijo dicho dijeron decia
says dice
tell decir contar
told dijo conto
speak hablar
spoke hablo
spoken hablado
talk hablar
ask preguntar pedir rogar
answer responder contestar respuesta
answered respondio
call llamar
called llamado llamo
go ir
goes va
went fue fueron iba
gone ido
come venir
came vino vinieron venia
coming viniendo
get obtener conseguir
got obtuvo
give dar
gave dio dieron
given dado
take tomar llevar
took tomo tomaron
taken tomado
make hacer
made hizo hecho
see ver
saw vio vieron
seen visto
look mirar buscar
watch mirar observar
hear oir escuchar
heard oyo oido oyeron
listen escuchar
know saber conocer
knew sabia conocia supo
known sabido conocido
think pensar creer
thought penso pensamiento
believe creer
believed creyo
understand entender comprender
understood entendio
want querer
wanted quiso queria
wish desear
like gustar como
love amar amor querer
loved amo amado
hate odiar odio
feel sentir
felt sintio
find encontrar hallar
found encontro hallo
seek buscar
sought busco
keep guardar mantener
kept guardo
leave dejar salir
left dejo salio izquierda
put poner
bring traer
brought trajo
send enviar mandar
sent envio envio_a
let dejar
begin comenzar empezar
began comenzo empezo
start comenzar empezar inicio
end fin terminar final
finish terminar acabar
stop parar detener
stay quedar permanecer
live vivir
lived vivio
die morir
died murio
dead muerto muertos
kill matar
killed mato
born nacido nacio
grow crecer
grew crecio
become llegar_a hacerse
became llego_a
turn volver girar
return volver regresar
returned volvio
bring traer
carry llevar
follow seguir
followed siguio
lead dirigir guiar conducir
led condujo
meet encontrar reunir
met encontro
help ayudar ayuda
work trabajar trabajo obra
worked trabajo
play jugar
run correr
ran corrio
walk andar caminar
walked anduvo camino
sit sentar
sat sento
stand estar_de_pie levantarse
stood se_levanto
rise levantar
rose levanto
fall caer
fell cayo
open abrir abierto
close cerrar
write escribir
wrote escribio
written escrito
read leer
learn aprender
teach ensenar
taught enseno
pay pagar
buy comprar
sell vender
sold vendio
build construir
built construyo
break romper
broke rompio
cut cortar
hold tener sostener
held tuvo
win ganar
won gano
lose perder
lost perdio perdido
fight luchar pelear lucha
change cambiar cambio
move mover
show mostrar
showed mostro
try intentar
use usar
used uso usado
need necesitar necesidad
allow permitir
remember recordar acordar
forget olvidar
eat comer
ate comio
drink beber
drank bebio
sleep dormir
wake despertar
cry llorar clamar
laugh reir
sing cantar
fear temer miedo temor
pray orar rogar
praise alabar alabanza
bless bendecir
blessed bendito bendijo
serve servir
save salvar
rest descansar reposo
choose elegir escoger
chose eligio
judge juzgar juez
judged juzgo
rule gobernar regla
reign reinar
command mandar mandamiento
commanded mando
obey obedecer
promise prometer promesa
receive recibir
received recibio
send enviar
hope esperar esperanza
wait esperar
remain quedar permanecer
happen suceder pasar ocurrir
appear aparecer
dwell morar habitar
rejoice regocijar alegrar
destroy destruir
destroyed destruyo
deliver librar entregar
delivered libro entrego
gather juntar reunir recoger
marry casar
hide esconder
join unir
protest protestar protesta
march marchar marcha
demand exigir demanda
denounce denunciar
support apoyar apoyo
vote votar voto
elect elegir
arrest arrestar detener arresto
attack atacar ataque
defend defender
resist resistir
strike huelga golpear
block bloquear
shoot disparar
shot disparo disparo
wound herir herida
injured herido heridos
release liberar
free libre liberar
declare declarar
announce anunciar
report informar informe
accuse acusar
organize organizar
# nouns: people
man hombre varon
men hombres varones
woman mujer
women mujeres
child nino hijo
children ninos hijos
boy nino muchacho
girl nina muchacha
son hijo
daughter hija
father padre
mother madre
brother hermano
sister hermana
husband marido esposo
wife mujer esposa
family familia
friend amigo
people pueblo gente personas
person persona
king rey
queen reina
god dios
master amo senor
neighbor vecino
neighbour vecino
stranger extranjero
enemy enemigo
leader lider dirigente
worker trabajador obrero
student estudiante
teacher maestro profesor
farmer campesino agricultor
peasant campesino
police policia
soldier soldado
army ejercito
president presidente
minister ministro
government gobierno
state estado
country pais
nation nacion
city ciudad
town pueblo
village aldea pueblo
land tierra
world mundo
# nouns: things, places, time
house casa
home casa hogar
door puerta
gate puerta
wall muro pared
road camino
way camino manera
street calle
field campo
mountain monte montana
hill colina cerro
river rio
sea mar
water agua
fire fuego
earth tierra
heaven cielo
sky cielo
sun sol
moon luna
star estrella
light luz
darkness tinieblas oscuridad
day dia
night noche
morning manana
evening tarde
year ano
month mes
week semana
hour hora
time tiempo vez
today hoy
tomorrow manana
yesterday ayer
life vida
death muerte
body cuerpo
head cabeza
hand mano
foot pie
feet pies
eye ojo
face rostro cara
mouth boca
heart corazon
soul alma
spirit espiritu
blood sangre
bread pan
food comida alimento
wine vino
money dinero
gold oro
silver plata
word palabra
name nombre
voice voz
law ley
truth verdad
peace paz
war guerra
power poder
right derecho derecha
justice justicia
freedom libertad
grace gracia
glory gloria
faith fe
mercy misericordia
wisdom sabiduria
knowledge conocimiento
fool necio
wicked impio malo
righteous justo
evil mal malo
good bueno bien
work obra trabajo
thing cosa
part parte
place lugar
side lado
end fin
number numero
kind clase
group grupo
party partido fiesta
union sindicato union
movement movimiento
struggle lucha
strike huelga
rights derechos
crisis crisis
repression represion
violence violencia
protest protesta
fact hecho
case caso
question pregunta cuestion
problem problema
reason razon
news noticia noticias
article articulo
book libro
letter carta
paper papel
school escuela
church iglesia
temple templo
market mercado
price precio
cost costo
wage salario
tax impuesto
land tierra
water agua
mine mina
company empresa compania
business negocio
economy economia
history historia
story historia
power poder
office oficina
# adjectives
great grande gran
big grande
small pequeno
little poco pequeno
long largo
short corto
high alto
low bajo
new nuevo
old viejo antiguo
young joven
first primero primer
last ultimo
next proximo siguiente
whole entero todo
full lleno
empty vacio
true verdadero
false falso
holy santo
poor pobre
rich rico
strong fuerte
weak debil
happy feliz
sad triste
beautiful hermoso bello
wise sabio
foolish necio
right correcto derecho
wrong equivocado
dead muerto
alive vivo
black negro
white blanco
red rojo
green verde
early temprano
late tarde
easy facil
hard duro dificil
important importante
public publico
political politico
social social
national nacional
popular popular
military militar
# numbers
one uno una
two dos
three tres
four cuatro
five cinco
six seis
seven siete
eight ocho
nine nueve
ten diez
eleven once
twelve doce
twenty veinte
thirty treinta
forty cuarenta
fifty cincuenta
hundred cien ciento
thousand mil
million millon millones
half medio mitad
second segundo
third tercero tercer
fourth cuarto
# calendar
january enero
february febrero
march marzo
april abril
may mayo
june junio
july julio
august agosto
september septiembre setiembre
october octubre
november noviembre
december diciembre
monday lunes
tuesday martes
wednesday miércoles
thursday jueves
friday viernes
saturday sábado
sunday domingo
weekend fin_de_semana
spring primavera
summer verano
autumn,fall otoño
winter invierno
century siglo
decade década
date fecha
moment momento
period período periodo
season temporada estación
# directions and places
north norte
south sur
east este oriente
west oeste occidente
northern norteño
southern sureño
capital capital
region región
province provincia
district distrito
border frontera
coast costa
highway carretera
bridge puente
airport aeropuerto
square plaza
center,centre centro
university universidad
hospital hospital
prison cárcel prisión
embassy embajada
building edificio
# be, have, auxiliaries (irregular forms the stem rules cannot reach)
has ha
have han he hemos
had había habían hubo
is es está
was era fue estaba
were eran fueron estaban
been sido estado
will será serán va van
there_is hay
am soy estoy
# more verbs
able poder capaz
continue continuar seguir sigue siguen
remain permanecer seguir
reach llegar alcanzar
arrive,arrived llegar llegó llegaron
travel,traveled,travelled viajar
force forzar obligar
forced obligado obligó
demand,demanded exigir exigió exigieron
claim afirmar reclamar
deny negar niega
refuse,refused negarse rechazar
reject,rejected rechazar rechazó
accept aceptar
agree acordar
decide,decided decidir
plan planear
prepare preparar
increase aumentar
grow crecer
spread extender difundir
raid,raided allanar irrumpir
detain,detained detener detuvo detenido
imprison,imprisoned encarcelar encarcelado
repress,repressed reprimir reprimido
oppress,oppressed oprimir oprimido
overthrow,overthrew derrocar derrocado
resign,resigned renunciar dimitir
remove quitar destituir
replace reemplazar sustituir
fire,fired disparar disparó despedir
launch,launched lanzar lanzaron
throw,threw lanzar tirar arrojar
burn,burned quemar
destroy destruir
occupy,occupied ocupar tomar
close,closed cerrar cerrado
shut cerrar
mobilize,mobilise movilizar
organize,organise organizar
recognize,recognise reconocer
express,expressed expresar
condemn,condemned condenar
criticize,criticise criticar
warn,warned advertir
threaten,threatened amenazar
promise prometer
offer ofrecer
expect esperar
face enfrentar enfrentan
suffer sufrir
survive sobrevivir
include incluir
involve involucrar
produce producir
export exportar
control controlar
govern gobernar
lead encabezar liderar
represent representar
belong pertenecer
depend depender
explain explicar
describe describir
add añadir agregar
note notar señalar
point señalar punto
mean significar
seem parecer
become volverse convertirse
happen pasar ocurrir suceder
occur ocurrir
cause causar
create crear
develop desarrollar
improve mejorar
protect proteger
attack atacar
defeat derrotar
win ganar
beat golpear vencer
hit golpear
push empujar
pull tirar
# people and society
protester,protesters manifestante manifestantes
demonstrator,demonstrators manifestante manifestantes
demonstration,demonstrations manifestación manifestaciones
rally mitin
crowd multitud
mass,masses masa masas
class clase
citizen ciudadano
population población
community comunidad
indigenous indígena
peasantry campesinado
villager poblador
youth juventud joven jóvenes
official funcionario oficial
authority,authorities autoridad autoridades
congress congreso
parliament parlamento
senate senado
court tribunal corte
judge juez
lawyer abogado
journalist periodista
media medios
press prensa
television televisión
radio radio
newspaper periódico diario
spokesman,spokesperson vocero portavoz
coup golpe
regime régimen
dictatorship dictadura
democracy democracia
election,elections elección elecciones
candidate candidato
campaign campaña
constitution constitución
assembly asamblea
council consejo
committee comité
federation federación
confederation confederación
organization,organisation organización
association asociación
bourgeoisie burguesía
capitalism capitalismo
capitalist capitalista
socialism socialismo
revolution revolución
revolt revuelta rebelión
rebellion rebelión
uprising levantamiento
insurrection insurrección
resistance resistencia
unrest malestar
crackdown represión
massacre masacre
murder asesinato
victim,victims víctima víctimas
wounded herido heridos
injury herida
arrest,arrests detención detenciones arresto
prisoner preso prisionero
roadblock,roadblocks bloqueo bloqueos
blockade,blockades bloqueo bloqueos
barricade barricada
weapon arma
gun arma fusil
bullet,bullets bala balas
rubber goma caucho
tear lágrima lacrimógeno
gas gas gases
troops tropas
armed armado armadas
officer oficial agente
deployment despliegue
emergency emergencia
curfew toque_de_queda
# economy
copper cobre
mining minería minero
oil petróleo
industry industria
factory fábrica
trade comercio
profit ganancia
wealth riqueza
poverty pobreza
debt deuda
budget presupuesto
salary sueldo salario
job empleo trabajo
unemployment desempleo
inflation inflación
investment inversión
resource,resources recurso recursos
bank banco
dollar dólar
# more nouns
account cuenta
user,users usuario usuarios
strategy estrategia
plan,plans plan planes
wave ola
ground suelo tierra
key clave llave
concern preocupación
charge cargo
scene,scenes escena escenas
leadership dirección liderazgo
threat amenaza
fear miedo temor
anger ira rabia
demand,demands demanda reivindicación exigencia
goal meta objetivo
result resultado
support apoyo
opinion opinión
idea idea
fight,struggle lucha
attempt intento
step paso
event evento acontecimiento
situation situación
condition,conditions condición condiciones
system sistema
level nivel
role papel
area zona área
issue tema asunto
matter asunto
policy política
measure medida
action acción
decision decisión
order orden
sign señal
message mensaje
statement declaración
speech discurso
interview entrevista
video video
photo foto
picture imagen
example ejemplo
# adjectives
peruvian peruano peruana
american estadounidense americano
foreign extranjero
local local
rural rural
urban urbano
working trabajador trabajadora
ruling gobernante
current actual
former ex antiguo
recent reciente
major mayor importante
largest mayor
huge enorme
massive masivo masiva
violent violento
peaceful pacífico
bloody sangriento
brutal brutal
impoverished empobrecido
clear claro
open abierto
openly abiertamente
key clave
main principal
general general
central central
entire entero
several varios varias
various varios diversos
both ambos
enough suficiente bastante
far lejos extrema
left izquierda
right derecha
wing ala
# adverbs and connectors
while mientras
however embargo
despite pese
although aunque
though aunque
whether si
unless salvo
instead lugar
therefore tanto
thus así
meanwhile mientras
also también además
yet aún todavía embargo
just solo justo
only solo sólo
almost casi
nearly casi
least menos
about sobre acerca unos
across través
along junto largo
beyond más_allá
throughout largo
ago hace
later después luego
soon pronto
once vez una_vez
already ya
together juntos
nothing nada
nobody nadie
everyone todos
everything todo
something algo
someone alguien
# irregular forms of common verbs
be ser estar sea sean seáis eres somos sois siendo
have tengo tiene tienen tenemos tienes tenía tuvo
do hago hace hacen hizo hecho
go voy va vamos van fue fueron iba
say digo dice dicen dijo dijeron diciendo
come vengo viene vienen vino vinieron
can puedo puede pueden pudo
give doy da dan dio dieron
see veo ve ven vio vieron
know sé sabe saben supo conozco conoce
want quiero quiere quieren quiso
put pongo pone ponen puso
# more general words (no vocabulary taken from the Bible dev books: a real dictionary, not this list, is where coverage should grow)
lie mentir mentira
relative pariente
member,members miembro miembros
each cada
course curso
reason razón
need necesitar necesidad falta
better mejor
worse peor
best mejor
worst peor
great gran grande
well bien
heart corazón
`;
