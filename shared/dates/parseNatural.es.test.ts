import { describe, test } from 'vitest';
import type { Row } from './expectRow.testkit';
import { expectRow } from './expectRow.testkit';

describe('frases en español', () => {
  test.each<Row>([
    ['en 1992', '1992', '1992-01-01', '1992-12-31', 'year'],
    ['el año 1992', '1992', '1992-01-01', '1992-12-31', 'year'],
    ['septiembre de 1992', '1992-09', '1992-09-01', '1992-09-30', 'month'],
    ['Setiembre de 1992', '1992-09', '1992-09-01', '1992-09-30', 'month'],
    ['sept. 1992', '1992-09', '1992-09-01', '1992-09-30', 'month'],
    ['ene. 1992', '1992-01', '1992-01-01', '1992-01-31', 'month'],
    ['12 de septiembre de 1992', '1992-09-12', '1992-09-12', '1992-09-12', 'day'],
    ['el 12 de Septiembre de 1992', '1992-09-12', '1992-09-12', '1992-09-12', 'day'],
    ['12 septiembre 1992', '1992-09-12', '1992-09-12', '1992-09-12', 'day'],
    ['1.º de mayo de 1992', '1992-05-01', '1992-05-01', '1992-05-01', 'day'],
    ['primero de mayo de 1992', '1992-05-01', '1992-05-01', '1992-05-01', 'day'],
    ['29 de febrero de 2000', '2000-02-29', '2000-02-29', '2000-02-29', 'day'],
  ])('%s', (...row) => expectRow(row));

  test.each<Row>([
    ['principios de agosto de 2018', '2018-08-01/2018-08-10', '2018-08-01', '2018-08-10', 'range'],
    ['mediados de agosto de 2018', '2018-08-11/2018-08-20', '2018-08-11', '2018-08-20', 'range'],
    ['finales de agosto de 2018', '2018-08-21/2018-08-31', '2018-08-21', '2018-08-31', 'range'],
    ['a fines de agosto de 2018', '2018-08-21/2018-08-31', '2018-08-21', '2018-08-31', 'range'],
    ['finales de febrero de 1992', '1992-02-21/1992-02-29', '1992-02-21', '1992-02-29', 'range'],
    ['comienzos de 1992', '1992-01/1992-04', '1992-01-01', '1992-04-30', 'range'],
    ['a mediados de 1992', '1992-05/1992-08', '1992-05-01', '1992-08-31', 'range'],
    ['finales de 1992', '1992-09/1992-12', '1992-09-01', '1992-12-31', 'range'],
    ['principios de los años 90', '1990/1993', '1990-01-01', '1993-12-31', 'range'],
    ['mediados de los 90', '1994/1996', '1994-01-01', '1996-12-31', 'range'],
    ['a finales de la década de 1980', '1987/1989', '1987-01-01', '1989-12-31', 'range'],
  ])('principios / mediados / finales: %s', (...row) => expectRow(row));

  test.each<Row>([
    ['los años 90', '199X', '1990-01-01', '1999-12-31', 'decade'],
    ['los 90', '199X', '1990-01-01', '1999-12-31', 'decade'],
    ['los años noventa', '199X', '1990-01-01', '1999-12-31', 'decade'],
    ['década de 1990', '199X', '1990-01-01', '1999-12-31', 'decade'],
    ['la década de los ochenta', '198X', '1980-01-01', '1989-12-31', 'decade'],
    ['los años 2000', '200X', '2000-01-01', '2009-12-31', 'decade'],
  ])('décadas: %s', (...row) => expectRow(row));

  test.each<Row>([
    ['hacia 1992', '1992~', '1990-01-01', '1994-12-31', 'year'],
    ['alrededor de 1992', '1992~', '1990-01-01', '1994-12-31', 'year'],
    ['en torno a 1992', '1992~', '1990-01-01', '1994-12-31', 'year'],
    ['aproximadamente 1992', '1992~', '1990-01-01', '1994-12-31', 'year'],
    ['hacia septiembre de 1992', '1992-09~', '1992-08-01', '1992-10-31', 'month'],
  ])('aproximadas: %s', (...row) => expectRow(row));

  test.each<Row>([
    ['verano de 1992', '1992-22', '1992-06-01', '1992-08-31', 'season'],
    ['la primavera de 1992', '1992-21', '1992-03-01', '1992-05-31', 'season'],
    ['otoño de 1992', '1992-23', '1992-09-01', '1992-11-30', 'season'],
    ['invierno de 1992', '1992-24', '1992-12-01', '1993-02-28', 'season'],
  ])('estaciones: %s', (...row) => expectRow(row));

  test.each<Row>([
    ['entre 1980 y 2000', '1980/2000', '1980-01-01', '2000-12-31', 'range'],
    ['de 1990 a 1995', '1990/1995', '1990-01-01', '1995-12-31', 'range'],
    ['desde 1990 hasta 1995', '1990/1995', '1990-01-01', '1995-12-31', 'range'],
    ['12 al 15 de septiembre de 1992', '1992-09-12/1992-09-15', '1992-09-12', '1992-09-15', 'range'],
    ['entre el 12 y el 15 de septiembre de 1992', '1992-09-12/1992-09-15', '1992-09-12', '1992-09-15', 'range'],
    ['de finales de agosto a principios de septiembre de 2018', '2018-08-21/2018-09-10', '2018-08-21', '2018-09-10', 'range'],
    ['los años 80 a principios de los 2000', '198X/2003', '1980-01-01', '2003-12-31', 'range'],
  ])('rangos: %s', (...row) => expectRow(row));

  test.each<Row>([
    ['antes de 1992', '../1991', '1891-01-01', '1991-12-31', 'range'],
    ['después de 2002', '2003/..', '2003-01-01', '2103-12-31', 'range'],
    ['despues de 2002', '2003/..', '2003-01-01', '2103-12-31', 'range'],
    ['desde 2002', '2002/..', '2002-01-01', '2102-12-31', 'range'],
    ['a partir de 2002', '2002/..', '2002-01-01', '2102-12-31', 'range'],
    ['hasta 1992', '../1992', '1892-01-01', '1992-12-31', 'range'],
  ])('rangos abiertos: %s', (...row) => expectRow(row));

  test('numeric dates are read day first in Spanish', () => {
    expectRow(['03/04/1992', '1992-04-03', '1992-04-03', '1992-04-03', 'day'], { lang: 'es' });
    expectRow(['03.04.1992', '1992-04-03', '1992-04-03', '1992-04-03', 'day'], { lang: 'es' });
  });

  test('sin año, con año de contexto', () => {
    expectRow(['finales de agosto', '2018-08-21/2018-08-31', '2018-08-21', '2018-08-31', 'range'], { contextYear: 2018 });
    expectRow(['verano', '2018-22', '2018-06-01', '2018-08-31', 'season'], { contextYear: 2018, lang: 'es' });
  });
});
