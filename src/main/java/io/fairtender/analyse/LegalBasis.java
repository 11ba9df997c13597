package io.fairtender.analyse;

/**
 * A provision a rule rests on.
 *
 * @param document the law or notice, e.g. 《政府采购促进中小企业发展管理办法》（财库〔2020〕46号）
 * @param article the article, e.g. 第五条
 * @param summary what it says, in a few words
 */
public record LegalBasis(String document, String article, String summary) {}
