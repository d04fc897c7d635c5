/* rg-demo-data.c — the demo's menu, names and phrases.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prices are in fen (or cents); costs are 20–40 % of the price, as in a
 * real kitchen.  Word lists are sorted the way rg-menu normalises them.
 */
#include "rg-demo-data.h"

#include <string.h>

#define L RG_DEMO_LUNCH
#define D RG_DEMO_DINNER

static const RgDemoDish dishes[] = {
  /* cold dishes */
  { "Smacked Cucumber 拍黄瓜", "Cold dishes", RG_DEMO_FOOD, 1800, 20, "sesame", "light,vegetarian", 0, 8 },
  { "Mouth-Watering Chicken 口水鸡", "Cold dishes", RG_DEMO_FOOD, 4200, 35, "peanut,sesame,soy", "spicy", 0, 7 },
  { "Century Egg Tofu 皮蛋豆腐", "Cold dishes", RG_DEMO_FOOD, 2200, 25, "egg,soy", "light,vegetarian", 0, 4 },
  { "Sliced Beef in Chili Sauce 夫妻肺片", "Cold dishes", RG_DEMO_FOOD, 4600, 36, "peanut,sesame,soy", "spicy", 0, 4 },
  { "Jellyfish Salad 凉拌海蜇", "Cold dishes", RG_DEMO_FOOD, 3200, 30, "sesame,soy", "light,seafood", 0, 3 },
  { "Drunken Chicken 醉鸡", "Cold dishes", RG_DEMO_FOOD, 3800, 34, "", "light", 0, 3 },
  /* dim sum, a lunch affair except for the soup dumplings */
  { "Har Gow 虾饺", "Dim sum", RG_DEMO_FOOD, 3200, 32, "gluten,shellfish", "dim-sum,seafood", L, 9 },
  { "Siu Mai 烧卖", "Dim sum", RG_DEMO_FOOD, 2800, 30, "gluten,shellfish,soy", "dim-sum", L, 8 },
  { "Char Siu Bao 叉烧包", "Dim sum", RG_DEMO_FOOD, 2400, 26, "gluten,soy", "dim-sum,sweet-sour", L, 8 },
  { "Xiao Long Bao 小笼包", "Dim sum", RG_DEMO_FOOD, 3200, 30, "gluten,soy", "dim-sum", 0, 10 },
  { "Shrimp Rice Rolls 虾肠粉", "Dim sum", RG_DEMO_FOOD, 2800, 30, "shellfish,soy", "dim-sum,seafood", L, 6 },
  { "Turnip Cake 萝卜糕", "Dim sum", RG_DEMO_FOOD, 2200, 22, "shellfish,soy", "dim-sum", L, 5 },
  { "Vegetable Spring Rolls 素春卷", "Dim sum", RG_DEMO_FOOD, 2000, 22, "gluten,soy", "dim-sum,vegetarian", 0, 6 },
  { "Pork Potstickers 锅贴", "Dim sum", RG_DEMO_FOOD, 2600, 26, "gluten,soy", "dim-sum", 0, 7 },
  /* hot dishes */
  { "Kung Pao Chicken 宫保鸡丁", "Hot dishes", RG_DEMO_FOOD, 4800, 30, "peanut,soy", "spicy", 0, 10 },
  { "Mapo Tofu 麻婆豆腐", "Hot dishes", RG_DEMO_FOOD, 3600, 24, "soy", "spicy", 0, 10 },
  { "Sweet and Sour Pork 咕噜肉", "Hot dishes", RG_DEMO_FOOD, 5200, 32, "egg,gluten,soy", "sweet-sour", 0, 9 },
  { "Peking Duck, half 北京烤鸭（半只）", "Hot dishes", RG_DEMO_FOOD, 12800, 38, "gluten,sesame,soy", "signature", D, 7 },
  { "Twice-Cooked Pork 回锅肉", "Hot dishes", RG_DEMO_FOOD, 4800, 30, "soy", "spicy", 0, 7 },
  { "Boiled Fish in Chili Oil 水煮鱼", "Hot dishes", RG_DEMO_FOOD, 8800, 36, "fish,soy", "seafood,spicy", 0, 7 },
  { "Steamed Sea Bass 清蒸鲈鱼", "Hot dishes", RG_DEMO_FOOD, 9800, 40, "fish,soy", "light,seafood", 0, 6 },
  { "Salt and Pepper Prawns 椒盐虾", "Hot dishes", RG_DEMO_FOOD, 8800, 38, "gluten,shellfish", "seafood", 0, 6 },
  { "Chili Crab 辣椒蟹", "Hot dishes", RG_DEMO_FOOD, 16800, 40, "egg,shellfish", "seafood,spicy", D, 3 },
  { "Dongpo Pork 东坡肉", "Hot dishes", RG_DEMO_FOOD, 6800, 28, "soy", "signature", 0, 5 },
  { "Cumin Lamb 孜然羊肉", "Hot dishes", RG_DEMO_FOOD, 6200, 36, "", "spicy", 0, 5 },
  { "Black Pepper Beef 黑椒牛柳", "Hot dishes", RG_DEMO_FOOD, 6800, 36, "soy", "", 0, 6 },
  { "Lemon Chicken 柠檬鸡", "Hot dishes", RG_DEMO_FOOD, 4800, 28, "egg,gluten", "sweet-sour", 0, 6 },
  { "Squirrel Fish 松鼠桂鱼", "Hot dishes", RG_DEMO_FOOD, 9800, 38, "fish,gluten", "seafood,sweet-sour", 0, 4 },
  { "Fish-Fragrant Eggplant 鱼香茄子", "Hot dishes", RG_DEMO_FOOD, 3800, 22, "soy", "spicy,sweet-sour,vegetarian", 0, 8 },
  { "Garlic Greens 蒜蓉时蔬", "Hot dishes", RG_DEMO_FOOD, 2800, 20, "", "light,vegetarian", 0, 10 },
  { "Dry-Fried Green Beans 干煸四季豆", "Hot dishes", RG_DEMO_FOOD, 3200, 22, "soy", "spicy,vegetarian", 0, 7 },
  { "Tomato and Egg 番茄炒蛋", "Hot dishes", RG_DEMO_FOOD, 2800, 20, "egg", "light,vegetarian", 0, 8 },
  { "Buddha's Delight 罗汉斋", "Hot dishes", RG_DEMO_FOOD, 3400, 24, "sesame,soy", "light,vegetarian", 0, 4 },
  { "Scallops in XO Sauce XO酱带子", "Hot dishes", RG_DEMO_FOOD, 12800, 40, "fish,shellfish,soy", "seafood,signature", D, 3 },
  { "Chongqing Chili Chicken 辣子鸡", "Hot dishes", RG_DEMO_FOOD, 5800, 30, "sesame,soy", "spicy", 0, 6 },
  { "Red-Braised Pork Belly 红烧肉", "Hot dishes", RG_DEMO_FOOD, 5600, 28, "soy", "", 0, 7 },
  { "Twin Hot Pot 鸳鸯火锅", "Hot dishes", RG_DEMO_FOOD, 16800, 34, "sesame,soy", "sharing,spicy", D, 4 },
  /* soups */
  { "Hot and Sour Soup 酸辣汤", "Soups", RG_DEMO_FOOD, 2600, 20, "egg,soy", "spicy", 0, 7 },
  { "Wonton Soup 馄饨汤", "Soups", RG_DEMO_FOOD, 2800, 24, "gluten,shellfish,soy", "light", 0, 6 },
  { "West Lake Beef Soup 西湖牛肉羹", "Soups", RG_DEMO_FOOD, 3200, 26, "egg", "light", 0, 4 },
  { "Crab and Sweetcorn Soup 蟹肉玉米羹", "Soups", RG_DEMO_FOOD, 3400, 30, "egg,shellfish", "light,seafood", 0, 4 },
  /* rice and noodles */
  { "Steamed Rice 白米饭", "Rice and noodles", RG_DEMO_STAPLE, 400, 20, "", "vegetarian", 0, 20 },
  { "Yangzhou Fried Rice 扬州炒饭", "Rice and noodles", RG_DEMO_STAPLE, 3200, 24, "egg,shellfish,soy", "", 0, 9 },
  { "Dan Dan Noodles 担担面", "Rice and noodles", RG_DEMO_STAPLE, 3200, 22, "gluten,peanut,sesame,soy", "noodles,spicy", 0, 7 },
  { "Beef Chow Fun 干炒牛河", "Rice and noodles", RG_DEMO_STAPLE, 3800, 28, "soy", "noodles", 0, 7 },
  { "Lanzhou Beef Noodle Soup 兰州牛肉面", "Rice and noodles", RG_DEMO_STAPLE, 3600, 26, "gluten", "noodles", L, 6 },
  { "Vegetable Chow Mein 素炒面", "Rice and noodles", RG_DEMO_STAPLE, 2800, 20, "egg,gluten,soy", "noodles,vegetarian", 0, 5 },
  /* western */
  { "Caesar Salad", "Western", RG_DEMO_FOOD, 5800, 30, "dairy,egg,fish,gluten", "light,western", 0, 4 },
  { "Grilled Ribeye Steak", "Western", RG_DEMO_FOOD, 18800, 40, "dairy", "western", D, 3 },
  { "Truffle Fries", "Western", RG_DEMO_FOOD, 3800, 24, "dairy", "vegetarian,western", 0, 4 },
  { "Wagyu Burger", "Western", RG_DEMO_FOOD, 8800, 38, "dairy,egg,gluten,sesame", "western", 0, 4 },
  { "Spaghetti Carbonara", "Western", RG_DEMO_FOOD, 6800, 28, "dairy,egg,gluten", "western", 0, 3 },
  /* desserts */
  { "Mango Pomelo Sago 杨枝甘露", "Desserts", RG_DEMO_DESSERT, 2800, 30, "dairy", "sweet", 0, 7 },
  { "Sesame Tang Yuan 芝麻汤圆", "Desserts", RG_DEMO_DESSERT, 2200, 24, "gluten,sesame", "sweet,vegetarian", 0, 5 },
  { "Red Bean Soup 红豆沙", "Desserts", RG_DEMO_DESSERT, 1800, 20, "", "sweet,vegetarian", 0, 4 },
  { "Egg Tarts 葡式蛋挞", "Desserts", RG_DEMO_DESSERT, 1800, 26, "dairy,egg,gluten", "dim-sum,sweet", 0, 6 },
  { "Tiramisu", "Desserts", RG_DEMO_DESSERT, 4200, 30, "dairy,egg,gluten", "sweet,western", 0, 3 },
  /* drinks */
  { "Jasmine Tea, pot 茉莉花茶", "Drinks", RG_DEMO_DRINK, 1800, 22, "", "", 0, 15 },
  { "Chrysanthemum Tea 菊花茶", "Drinks", RG_DEMO_DRINK, 1800, 22, "", "", 0, 6 },
  { "Tsingtao Beer 青岛啤酒", "Drinks", RG_DEMO_DRINK, 1500, 35, "gluten", "", 0, 10 },
  { "Watermelon Juice 西瓜汁", "Drinks", RG_DEMO_DRINK, 2200, 25, "", "", 0, 6 },
  { "Sour Plum Drink 酸梅汤", "Drinks", RG_DEMO_DRINK, 1600, 20, "", "", 0, 7 },
  { "Coca-Cola 可乐", "Drinks", RG_DEMO_DRINK, 1000, 30, "", "", 0, 6 },
  { "House Red Wine, glass", "Drinks", RG_DEMO_DRINK, 6800, 35, "", "wine", D, 3 },
  { "Lychee Martini", "Drinks", RG_DEMO_DRINK, 7800, 25, "", "cocktail", D, 2 },
};

#undef L
#undef D

static const gchar * const taste_words[RG_DEMO_N_TASTES] = {
  "spicy", "sweet-sour", "vegetarian", "seafood", "dim-sum", "noodles", "western", "light",
};

static const gchar * const allergen_words[RG_DEMO_N_ALLERGENS] = {
  "peanut", "shellfish", "gluten", "dairy", "egg", "soy", "sesame", "fish",
};

static const RgDemoHanName han_family[] = {
  { "王", "Wang" }, { "李", "Li" }, { "张", "Zhang" }, { "刘", "Liu" }, { "陈", "Chen" },
  { "杨", "Yang" }, { "黄", "Huang" }, { "赵", "Zhao" }, { "吴", "Wu" }, { "周", "Zhou" },
  { "徐", "Xu" }, { "孙", "Sun" }, { "马", "Ma" }, { "朱", "Zhu" }, { "胡", "Hu" },
  { "郭", "Guo" }, { "何", "He" }, { "林", "Lin" }, { "高", "Gao" }, { "罗", "Luo" },
  { "郑", "Zheng" }, { "梁", "Liang" }, { "谢", "Xie" }, { "宋", "Song" }, { "唐", "Tang" },
  { "许", "Xu" }, { "韩", "Han" }, { "冯", "Feng" }, { "邓", "Deng" }, { "曹", "Cao" },
};

static const RgDemoHanName han_given_female[] = {
  { "芳", "Fang" }, { "娜", "Na" }, { "敏", "Min" }, { "静", "Jing" }, { "丽", "Li" },
  { "艳", "Yan" }, { "娟", "Juan" }, { "霞", "Xia" }, { "秀英", "Xiuying" }, { "桂英", "Guiying" },
  { "婷", "Ting" }, { "雪", "Xue" }, { "欣怡", "Xinyi" }, { "梓涵", "Zihan" }, { "诗琪", "Shiqi" },
  { "雨桐", "Yutong" }, { "佳怡", "Jiayi" }, { "晓燕", "Xiaoyan" }, { "美玲", "Meiling" }, { "丹", "Dan" },
};

static const RgDemoHanName han_given_male[] = {
  { "伟", "Wei" }, { "强", "Qiang" }, { "磊", "Lei" }, { "军", "Jun" }, { "洋", "Yang" },
  { "勇", "Yong" }, { "杰", "Jie" }, { "涛", "Tao" }, { "明", "Ming" }, { "超", "Chao" },
  { "刚", "Gang" }, { "平", "Ping" }, { "辉", "Hui" }, { "鹏", "Peng" }, { "浩然", "Haoran" },
  { "子轩", "Zixuan" }, { "宇航", "Yuhang" }, { "俊杰", "Junjie" }, { "志强", "Zhiqiang" }, { "建华", "Jianhua" },
};

static const gchar * const western_female[] = {
  "Zoë", "Chloé", "Anaïs", "Inés", "Renée", "Emma", "Olivia", "Sophia", "Charlotte", "Amélie",
  "Mia", "Hannah", "Léa", "Sarah", "Emily", "Björk", "Maëlle", "Lucía",
};

static const gchar * const western_male[] = {
  "José", "François", "Björn", "Søren", "Noël", "Łukasz", "James", "Oliver", "Liam", "Michael",
  "David", "Thomas", "Jürgen", "Mateo", "Ethan", "André", "Raphaël", "Tomás",
};

static const gchar * const western_family[] = {
  "García", "Müller", "Núñez", "Dubois", "O'Brien", "Smith", "Johnson", "Brown", "Williams",
  "Martin", "Kowalski", "Søndergaard", "Rossi", "Taylor", "Wilson", "Lefèvre", "Schäfer",
  "Nguyen", "Kim", "Fernández", "Jensen", "Walker",
};

static const gchar * const staff_names[] = {
  "Chen Jing", "Liu Yang", "Zhao Lei", "Huang Min", "Zhou Tao", "Wu Fang", "Sun Hui",
  "Ma Ting", "Lin Peng", "Gao Xue", "Emma Walsh", "Tom Baker", "Lucy Evans", "Sam Patel",
  "He Jun", "Luo Dan", "Xie Ming", "Tang Yan", "Song Chao", "Han Li", "Feng Qiang",
  "Deng Xia", "Cao Gang", "Guo Na", "Hu Ping", "Zhu Yong", "Xu Juan", "Liang Jie",
  "Zheng Yu", "Yang Ling",
};

static const gchar * const guest_notes[] = {
  "Prefers a quiet corner.",
  "喜欢靠窗的位置。",
  "Always asks for extra chili oil.",
  "Celebrates wedding anniversaries with us.",
  "不吃香菜。",
  "Comes with a stroller: needs space at the table.",
  "Likes the tea poured first.",
  "Regular at Friday lunch with colleagues.",
};

static const gchar * const comments_happy_zh[] = {
  "菜很好吃，下次再来。", "服务很周到。", "烤鸭很正宗！", "环境不错，适合聚会。", "上菜很快。",
};

static const gchar * const comments_happy_en[] = {
  "Lovely evening, thank you!", "The dumplings were excellent.", "Quick and friendly service.",
  "Best mapo tofu in town.", "Great table by the window.",
};

static const gchar * const comments_sad_zh[] = {
  "上菜太慢了。", "菜有点咸。", "等位时间太长。", "汤是凉的。",
};

static const gchar * const comments_sad_en[] = {
  "Food arrived cold.", "Too noisy tonight.", "Waited twenty minutes for a table.",
  "The prawns were overcooked.",
};

static const gchar * const void_reasons[] = {
  "sent back", "wrong order", "out of stock", "guest changed their mind",
};

static const gchar * const branch_names[] = {
  "Riverside", "Old Town", "Harbour View", "Airport", "University", "Central Plaza",
  "Lakeside", "West Gate",
};

#define WORDS(array) ((RgDemoWords) { array, G_N_ELEMENTS (array) })

const RgDemoDish *
_rg_demo_dishes (guint *n)
{
  *n = G_N_ELEMENTS (dishes);
  return dishes;
}

const gchar *
_rg_demo_taste_word (guint bit)
{
  g_return_val_if_fail (bit < RG_DEMO_N_TASTES, NULL);
  return taste_words[bit];
}

const gchar *
_rg_demo_allergen_word (guint bit)
{
  g_return_val_if_fail (bit < RG_DEMO_N_ALLERGENS, NULL);
  return allergen_words[bit];
}

static guint
mask_of (const gchar         *words,
         const gchar * const *vocabulary,
         guint                n)
{
  g_auto(GStrv) parts = g_strsplit (words, ",", -1);
  guint mask = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    for (guint bit = 0; bit < n; bit++)
      if (strcmp (parts[i], vocabulary[bit]) == 0)
        mask |= 1u << bit;
  return mask;
}

guint
_rg_demo_taste_mask (const gchar *words)
{
  return mask_of (words, taste_words, RG_DEMO_N_TASTES);
}

guint
_rg_demo_allergen_mask (const gchar *words)
{
  return mask_of (words, allergen_words, RG_DEMO_N_ALLERGENS);
}

const RgDemoHanName *
_rg_demo_han_family_names (guint *n)
{
  *n = G_N_ELEMENTS (han_family);
  return han_family;
}

const RgDemoHanName *
_rg_demo_han_given_names (gboolean  female,
                          guint    *n)
{
  *n = female ? G_N_ELEMENTS (han_given_female) : G_N_ELEMENTS (han_given_male);
  return female ? han_given_female : han_given_male;
}

RgDemoWords
_rg_demo_western_given_names (gboolean female)
{
  return female ? WORDS (western_female) : WORDS (western_male);
}

RgDemoWords
_rg_demo_western_family_names (void)
{
  return WORDS (western_family);
}

RgDemoWords
_rg_demo_staff_names (void)
{
  return WORDS (staff_names);
}

RgDemoWords
_rg_demo_guest_notes (void)
{
  return WORDS (guest_notes);
}

RgDemoWords
_rg_demo_comments (gboolean happy,
                   gboolean chinese)
{
  if (happy)
    return chinese ? WORDS (comments_happy_zh) : WORDS (comments_happy_en);
  return chinese ? WORDS (comments_sad_zh) : WORDS (comments_sad_en);
}

RgDemoWords
_rg_demo_void_reasons (void)
{
  return WORDS (void_reasons);
}

RgDemoWords
_rg_demo_branch_names (void)
{
  return WORDS (branch_names);
}
