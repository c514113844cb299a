package io.sluice.core.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DsnTest {
    @Test
    void parsesTheUsualForms() {
        assertEquals(new Dsn("mysql", "ann", "db.example.com", 3306, "shop"), Dsn.parse("mysql://ann@db.example.com/shop"));
        assertEquals(new Dsn("mariadb", "ann", "10.0.0.5", 3307, ""), Dsn.parse("mariadb://ann@10.0.0.5:3307"));
        assertEquals(new Dsn("mysql", "", "localhost", 3306, ""), Dsn.parse("localhost"));
        assertEquals(new Dsn("mysql", "u", "::1", 3310, "d"), Dsn.parse("mysql://u@[::1]:3310/d"));
    }

    @Test
    void percentDecodesUserAndDatabase() {
        Dsn d = Dsn.parse("mysql://an%40n@h/my%20db");
        assertEquals("an@n", d.user());
        assertEquals("my db", d.database());
        assertEquals("mysql://an%40n@h:3306/my%20db", d.redacted());
    }

    @Test
    void aPasswordInTheTextIsLiftedOutAndNeverShown() {
        String text = "mysql://ann:s%3Ae%40cret@h:3306/db";
        Dsn d = Dsn.parse(text);
        assertFalse(d.redacted().contains("cret"));
        assertFalse(d.toString().contains("cret"));
        assertEquals("s:e@cret", new String(Dsn.embeddedPassword(text).orElseThrow().reveal()));
        assertTrue(Dsn.embeddedPassword("mysql://ann@h/db").isEmpty());
    }

    @Test
    void rejectsNonsenseWithASentence() {
        assertThrows(IllegalArgumentException.class, () -> Dsn.parse("mysql://u@h:99999/db"));
        assertThrows(IllegalArgumentException.class, () -> Dsn.parse("postgres://u@h/db"));
        assertThrows(IllegalArgumentException.class, () -> Dsn.parse(""));
    }

    @Test
    void optionsInTheDsnAreRefusedByNameWithoutTheirValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dsn.parse("mysql://u@h/db?sslMode=DISABLED&password=hunter2"));
        assertEquals("Sluice does not read options in the DSN (sslMode, password): remove them; TLS and the connect timeout"
                + " have settings of their own.", e.getMessage());
        assertEquals("db", Dsn.parse("mysql://u@h/db?").database(), "a bare ? asks for nothing");
    }

    @Test
    void specAndSecretNeverPrintThePassword() {
        ConnectionSpec spec = ConnectionSpec.builder(Dsn.parse("mysql://u@h/db")).password(Secret.of("hunter2".toCharArray())).build();
        assertFalse(spec.toString().contains("hunter2"));
        assertEquals("******", spec.password().toString());
    }
}
